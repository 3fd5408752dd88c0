package ca.passerelle.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The single account that may edit the directory until people and roles arrive.
 *
 * @param username its user name ({@code PASSERELLE_ADMIN_USERNAME})
 * @param password its password ({@code PASSERELLE_ADMIN_PASSWORD}); required unless demo data is on
 */
@ConfigurationProperties("passerelle.admin")
record CuratorAccountProperties(@DefaultValue("admin") String username, String password) {
}
