package ca.passerelle.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The network's member organisations as other organisations may know them: a name, and the
 * directory entry through which their services receive referrals. Open to every caller: names and
 * links are public within the network, and staff addresses only ever leave in notices.
 */
@Service
public class Organisations {

    private final JdbcClient acrossOrganisations;

    Organisations(@Qualifier("applicationPool") DataSource applicationPool) {
        this.acrossOrganisations = JdbcClient.create(applicationPool);
    }

    /**
     * A member organisation.
     *
     * @param directoryOrganization its own entry in the directory, or null when it has none yet
     */
    public record Organisation(UUID id, String name, UUID directoryOrganization) {
    }

    @PermitAll
    public List<Organisation> all() {
        return acrossOrganisations.sql("select id, name, directory_organization from network_organisations order by lower(name)")
                .query(Organisations::organisation).list();
    }

    /** Every member organisation's name, by id, for pages and answers that name many. */
    @PermitAll
    public Map<UUID, String> names() {
        return all().stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
    }

    /** The member organisation that receives referrals to the services of this directory entry, if one does. */
    @PermitAll
    public Optional<Organisation> receiving(UUID directoryOrganization) {
        return acrossOrganisations.sql("""
                        select id, name, directory_organization from network_organisations
                        where directory_organization = :entry order by created_at limit 1""")
                .param("entry", directoryOrganization).query(Organisations::organisation).optional();
    }

    /** Where to write to the enabled members of an organisation who hold a permission (for notices, never personal data). */
    @PermitAll
    public List<String> addressesOf(UUID organisation, Permission permission) {
        List<String> roles = Role.holdersOf(permission).stream().map(Role::slug).toList();
        return acrossOrganisations.sql("""
                        select a.email from memberships m join accounts a on a.id = m.account
                        where m.organisation = :organisation and a.enabled and m.roles && cast(:roles as text[])
                        order by a.email""")
                .param("organisation", organisation).param("roles", roles.toArray(String[]::new))
                .query(String.class).list();
    }

    /** Where to write to one staff member, if their account is enabled. */
    @PermitAll
    public Optional<String> addressOf(UUID account) {
        return acrossOrganisations.sql("select email from accounts where id = :account and enabled").param("account", account)
                .query(String.class).optional();
    }

    private static Organisation organisation(ResultSet row, int n) throws SQLException {
        return new Organisation(row.getObject("id", UUID.class), row.getString("name"),
                row.getObject("directory_organization", UUID.class));
    }
}
