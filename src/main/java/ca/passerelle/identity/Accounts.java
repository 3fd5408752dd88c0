package ca.passerelle.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts, organisations and memberships, as stored. */
@Repository
class Accounts {

    private static final int RECOVERY_CODES = 10;

    private final JdbcClient jdbc;
    /** Past row-level security: only for the reads that cross organisations on purpose. */
    private final JdbcClient acrossOrganisations;

    Accounts(JdbcClient jdbc, @Qualifier("applicationPool") DataSource applicationPool) {
        this.jdbc = jdbc;
        this.acrossOrganisations = JdbcClient.create(applicationPool);
    }

    Optional<Account> byEmail(String email) {
        return jdbc.sql("select * from accounts where lower(email) = lower(:email)").param("email", email.strip())
                .query((row, n) -> accountOf(row)).optional();
    }

    Optional<Account> byId(UUID id) {
        return jdbc.sql("select * from accounts where id = :id").param("id", id).query((row, n) -> accountOf(row)).optional();
    }

    boolean any() {
        return jdbc.sql("select exists (select 1 from accounts)").query(Boolean.class).single();
    }

    boolean anyDemo() {
        return jdbc.sql("select exists (select 1 from accounts where demo)").query(Boolean.class).single();
    }

    /** The account's memberships, by organisation name. */
    List<Membership> membershipsOf(UUID account) {
        return jdbc.sql("""
                        select m.account, m.organisation, o.name, m.roles from memberships m
                        join network_organisations o on o.id = m.organisation
                        where m.account = :account order by o.name""")
                .param("account", account).query((row, n) -> membershipOf(row)).list();
    }

    /**
     * The account's first membership in whichever organisation: to record a refusal under the
     * organisation that was tried, or to show a record opened by break-glass.
     */
    Optional<Membership> firstMembershipAcrossOrganisations(UUID account) {
        return acrossOrganisations.sql("""
                        select m.account, m.organisation, o.name, m.roles from memberships m
                        join network_organisations o on o.id = m.organisation
                        where m.account = :account order by o.name limit 1""")
                .param("account", account).query((row, n) -> membershipOf(row)).optional();
    }

    List<Membership> membersOf(UUID organisation) {
        return jdbc.sql("""
                        select m.account, m.organisation, o.name, m.roles from memberships m
                        join network_organisations o on o.id = m.organisation
                        join accounts a on a.id = m.account
                        where m.organisation = :organisation order by lower(a.display_name)""")
                .param("organisation", organisation).query((row, n) -> membershipOf(row)).list();
    }

    /** What a session must check on every request: still enabled, not signed out, and its roles now. */
    Optional<SessionStanding> standingOf(UUID account, UUID organisation) {
        return jdbc.sql("""
                        select a.enabled, a.sessions_valid_after, m.roles from accounts a
                        left join memberships m on m.account = a.id and m.organisation = :organisation
                        where a.id = :account""")
                .param("account", account).param("organisation", organisation)
                .query((row, n) -> new SessionStanding(row.getBoolean("enabled"),
                        row.getTimestamp("sessions_valid_after").toInstant(), rolesOf(row.getArray("roles"))))
                .optional();
    }

    record SessionStanding(boolean enabled, Instant sessionsValidAfter, Set<Role> roles) {
    }

    /** Accepts a TOTP time step only if it is later than every step accepted before: no replay. */
    boolean acceptTotpStep(UUID account, long step) {
        return jdbc.sql("update accounts set last_totp_step = :step where id = :id and last_totp_step < :step")
                .param("step", step).param("id", account).update() == 1;
    }

    void setSecondFactor(UUID account, String totpSecret, long acceptedStep) {
        jdbc.sql("update accounts set totp_secret = :secret, last_totp_step = :step where id = :id")
                .param("secret", totpSecret).param("step", acceptedStep).param("id", account).update();
    }

    /** Ten new recovery codes for the account, replacing any it had; only their hashes are kept. */
    List<String> issueRecoveryCodes(UUID account) {
        jdbc.sql("delete from recovery_codes where account = :account").param("account", account).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = OneTimeSecrets.recoveryCode();
            codes.add(code);
            jdbc.sql("insert into recovery_codes (account, code_hash) values (:account, :hash)")
                    .param("account", account).param("hash", OneTimeSecrets.hashOf(code)).update();
        }
        return codes;
    }

    void changePassword(UUID account, String passwordHash, Instant sessionsValidAfter) {
        jdbc.sql("update accounts set password_hash = :hash, sessions_valid_after = :after where id = :id")
                .param("hash", passwordHash).param("after", Timestamp.from(sessionsValidAfter)).param("id", account).update();
    }

    boolean useRecoveryCode(UUID account, byte[] codeHash, Instant now) {
        return jdbc.sql("""
                        update recovery_codes set used_at = :now
                        where account = :account and code_hash = :hash and used_at is null""")
                .param("now", Timestamp.from(now)).param("account", account).param("hash", codeHash).update() == 1;
    }

    void disable(UUID account, Instant now) {
        jdbc.sql("update accounts set enabled = false, sessions_valid_after = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", account).update();
    }

    void enable(UUID account) {
        jdbc.sql("update accounts set enabled = true where id = :id").param("id", account).update();
    }

    void setRoles(UUID account, UUID organisation, Set<Role> roles) {
        jdbc.sql("update memberships set roles = :roles where account = :account and organisation = :organisation")
                .param("roles", slugs(roles)).param("account", account).param("organisation", organisation).update();
    }

    UUID createOrganisation(String name, boolean demo, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into network_organisations (id, name, demo, created_at) values (:id, :name, :demo, :now)")
                .param("id", id).param("name", name).param("demo", demo).param("now", Timestamp.from(now)).update();
        return id;
    }

    void linkToDirectory(UUID organisation, UUID directoryOrganization) {
        jdbc.sql("update network_organisations set directory_organization = :entry where id = :id")
                .param("entry", directoryOrganization).param("id", organisation).update();
    }

    UUID createAccount(String email, String displayName, String passwordHash, String totpSecret, boolean demo, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into accounts (id, email, display_name, password_hash, totp_secret, demo, sessions_valid_after, created_at)
                        values (:id, :email, :name, :hash, :totp, :demo, :now, :now)""")
                .param("id", id).param("email", email).param("name", displayName).param("hash", passwordHash)
                .param("totp", totpSecret).param("demo", demo).param("now", Timestamp.from(now)).update();
        return id;
    }

    void addMembership(UUID account, UUID organisation, Set<Role> roles) {
        jdbc.sql("insert into memberships (account, organisation, roles) values (:account, :organisation, :roles)")
                .param("account", account).param("organisation", organisation).param("roles", slugs(roles)).update();
    }

    private static String[] slugs(Set<Role> roles) {
        return roles.stream().map(Role::slug).toArray(String[]::new);
    }

    private static Membership membershipOf(ResultSet row) throws SQLException {
        return new Membership(row.getObject("account", UUID.class), row.getObject("organisation", UUID.class),
                row.getString("name"), rolesOf(row.getArray("roles")));
    }

    private static Set<Role> rolesOf(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (array != null) {
            Arrays.stream((String[]) array.getArray()).map(Role::ofSlug).forEach(roles::add);
        }
        return roles;
    }

    private static Account accountOf(ResultSet row) throws SQLException {
        return new Account(row.getObject("id", UUID.class), row.getString("email"), row.getString("display_name"),
                row.getString("password_hash"), row.getString("totp_secret"), row.getLong("last_totp_step"),
                row.getBoolean("enabled"), row.getBoolean("demo"), row.getTimestamp("sessions_valid_after").toInstant());
    }
}
