/**
 * Who may do what: sign-in, the people who curate the directory, and the rules that guard every
 * route. Until organisations and roles exist, one configured curator account guards editing.
 */
package ca.passerelle.identity;
