/**
 * The national directory of services for people who have lived through trafficking, kept as
 * Open Referral HSDS 3.0 and read by pages, the HSDS API and other modules.
 */
package ca.passerelle.directory;
