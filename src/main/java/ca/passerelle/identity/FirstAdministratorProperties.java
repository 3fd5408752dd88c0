package ca.passerelle.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first platform administrator, created at a start that finds no account at all.
 *
 * @param email their sign-in address ({@code PASSERELLE_ADMIN_EMAIL})
 * @param password their first password ({@code PASSERELLE_ADMIN_PASSWORD}); the second factor is
 *        set up at the first sign-in
 */
@ConfigurationProperties("passerelle.admin")
record FirstAdministratorProperties(String email, String password) {
}
