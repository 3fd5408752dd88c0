/**
 * Personal data at rest: identifying fields sealed with authenticated encryption, found again by
 * keyed blind indexes, under keys kept outside the database and the repository.
 */
package ca.passerelle.encryption;
