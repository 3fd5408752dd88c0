/**
 * The people an organisation supports: a minimal, pseudonymous record owned by one organisation,
 * what could identify them sealed at rest, every reading of it audited.
 */
package ca.passerelle.person;
