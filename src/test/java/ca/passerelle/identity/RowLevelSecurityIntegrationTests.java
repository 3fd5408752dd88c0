package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import ca.passerelle.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL's second wall: a staff request's SQL sees and changes only its own organisation's
 * rows, even a query that forgets to ask, and its connection goes back to the pool without its scope.
 */
@IntegrationTest
class RowLevelSecurityIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void holdsAStaffRequestToItsOwnOrganisationsRows() {
        UUID aurore = organisation("Maison Aurore%");
        UUID boreale = organisation("Clinique Boréale%");
        assertThat(organisationsInMemberships()).contains(aurore, boreale);

        actAsAdministratorOf(aurore);

        assertThat(organisationsInMemberships()).containsExactly(aurore);
        int changed = transactions.execute(status -> jdbc.sql(
                "update memberships set roles = '{researcher}' where organisation = :boreale")
                .param("boreale", boreale).update());
        assertThat(changed).as("another organisation's rows, changed without asking").isZero();
        assertThat(jdbc.sql("select count(*) from break_glass where organisation = :boreale").param("boreale", boreale)
                .query(Long.class).single()).isZero();

        SecurityContextHolder.clearContext();
        assertThat(organisationsInMemberships()).as("the next request, on the same pool").contains(aurore, boreale);
        assertThat(jdbc.sql("select count(*) from memberships where organisation = :boreale and roles = '{researcher}'")
                .param("boreale", boreale).query(Long.class).single()).as("only the demo researcher").isEqualTo(1);
    }

    private void actAsAdministratorOf(UUID organisation) {
        UUID account = jdbc.sql("select account from memberships where organisation = :organisation"
                        + " and roles = '{organisation-administrator}'")
                .param("organisation", organisation).query(UUID.class).single();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(StaffSessions.authenticated(new StaffMember(account, organisation, "Administrator",
                Set.of(Role.ORGANISATION_ADMINISTRATOR))));
        SecurityContextHolder.setContext(context);
    }

    private List<UUID> organisationsInMemberships() {
        return jdbc.sql("select distinct organisation from memberships").query(UUID.class).list();
    }

    private UUID organisation(String name) {
        return jdbc.sql("select id from network_organisations where name like :name").param("name", name)
                .query(UUID.class).single();
    }
}
