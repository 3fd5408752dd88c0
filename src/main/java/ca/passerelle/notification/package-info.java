/**
 * What Passerelle tells staff, in the application and by e-mail through a transactional outbox:
 * what happened and a link behind sign-in, never personal data.
 */
package ca.passerelle.notification;
