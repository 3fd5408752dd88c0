/**
 * A person's consent to share what an organisation knows of them, and the one check every share
 * goes through: without a matching, active consent (or a recorded vital interest) nothing moves.
 */
package ca.passerelle.consent;
