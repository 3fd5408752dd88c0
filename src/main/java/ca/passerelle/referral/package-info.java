/**
 * Closed-loop referrals between organisations: sent only under consent, followed state by state
 * until the person is served or the loop is closed, every wait visible to both sides.
 */
package ca.passerelle.referral;
