package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.passerelle.support.Authenticator;
import ca.passerelle.support.Http;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.StaffSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Joining the network over HTTP: an administrator invites, the invited person chooses a password
 * through a link that works once, sets up their authenticator and keeps recovery codes. None of
 * what they typed reaches the application's log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class InvitationIntegrationTests {

    static final Pattern LINK = Pattern.compile("data-invitation-link>http://localhost:\\d+(/invitation/[\\w-]+)<");
    static final Pattern SECRET = Pattern.compile("data-secret>([A-Z2-7 ]+)<");
    static final Pattern RECOVERY = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInvitedCaseManagerJoinsSetsUpTheirAuthenticatorAndLaterSignsInWithARecoveryCode(CapturedOutput log) {
        String name = "Canary Lumen-4417";
        String email = "canary.lumen.4417@aurore.example";
        String password = "canary lantern over quiet water 4417";
        StaffSession administrator = StaffSession.signIn(port, jdbc, "organisation-administrator@aurore.example");

        var sent = administrator.submit("/app/people/invite", "/app/people/invite",
                Map.of("displayName", name, "email", email, "role", "case-manager"));
        String link = find(LINK, sent.body());

        Http invited = Http.withCookies(port);
        assertThat(invited.get(link).body()).contains("Welcome, " + name, "Maison Aurore");
        var tooCommon = invited.postForm(link, StaffSession.form(Map.of("password", "1qaz2wsx3edc4rfv",
                "_csrf", StaffSession.csrfOf(invited.get(link).body()))));
        assertThat(tooCommon.statusCode()).isEqualTo(200);
        assertThat(tooCommon.body()).contains("too common");
        assertThat(accounts(email)).as("nothing created by a refused password").isZero();

        var accepted = invited.postForm(link, StaffSession.form(Map.of("password", password,
                "_csrf", StaffSession.csrfOf(invited.get(link).body()))));
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith("/login?welcome");
        assertThat(accounts(email)).isEqualTo(1);
        assertThat(invited.get(link).body()).as("the link a second time").contains("has expired or has already been used");

        Http newcomer = Http.withCookies(port);
        assertThat(StaffSession.passwordStep(newcomer, email, password).headers().firstValue("Location").orElseThrow())
                .endsWith("/login/second-factor");
        String setUp = newcomer.get("/login/second-factor").body();
        String secret = find(SECRET, setUp).replace(" ", "");
        var recoveryPage = newcomer.postForm("/login/second-factor", StaffSession.form(Map.of(
                "code", Authenticator.code(secret), "_csrf", StaffSession.csrfOf(setUp))));
        List<String> recoveryCodes = RECOVERY.matcher(recoveryPage.body()).results().map(match -> match.group(1)).toList();
        assertThat(recoveryCodes).hasSize(10);
        assertThat(newcomer.get("/app").statusCode()).isEqualTo(200);

        Http phoneLost = Http.withCookies(port);
        StaffSession.passwordStep(phoneLost, email, password);
        var withRecovery = phoneLost.postForm("/login/code", StaffSession.form(Map.of("code", recoveryCodes.getFirst(),
                "_csrf", StaffSession.csrfOf(phoneLost.get("/login/code").body()))));
        assertThat(withRecovery.headers().firstValue("Location").orElseThrow()).endsWith("/app");
        Http reused = Http.withCookies(port);
        StaffSession.passwordStep(reused, email, password);
        var again = reused.postForm("/login/code", StaffSession.form(Map.of("code", recoveryCodes.getFirst(),
                "_csrf", StaffSession.csrfOf(reused.get("/login/code").body()))));
        assertThat(again.headers().firstValue("Location").orElseThrow()).as("a recovery code used twice").endsWith("?error");

        assertThat(log.getAll()).doesNotContain(name, email, password, secret, recoveryCodes.getFirst(), link);
    }

    @Test
    void aPlatformAdministratorCreatesAnOrganisationWhoseAdministratorCanInviteOnlyIntoIt() {
        StaffSession platform = StaffSession.signIn(port, jdbc, "platform-administrator@passerelle.example");
        var sent = platform.submit("/app/organisations", "/app/organisations", Map.of(
                "name", "Refuge du Fleuve", "displayName", "Administratrice du Fleuve", "email", "admin@fleuve.example"));
        String link = find(LINK, sent.body());
        Http invited = Http.withCookies(port);
        invited.postForm(link, StaffSession.form(Map.of("password", "le fleuve coule sous la glace",
                "_csrf", StaffSession.csrfOf(invited.get(link).body()))));

        assertThat(platform.get("/app/organisations").body()).contains("Refuge du Fleuve");
        assertThat(jdbc.sql("""
                        select m.roles[1] from memberships m join accounts a on a.id = m.account
                        join network_organisations o on o.id = m.organisation
                        where a.email = 'admin@fleuve.example' and o.name = 'Refuge du Fleuve'""")
                .query(String.class).single()).isEqualTo("organisation-administrator");
        assertThat(platform.submit("/app", "/app/people/invite", Map.of()).statusCode())
                .as("the platform administrator manages no organisation's people").isEqualTo(403);
    }

    @Test
    void refusesAnExpiredInvitation() {
        StaffSession administrator = StaffSession.signIn(port, jdbc, "organisation-administrator@boreale.example");
        String link = find(LINK, administrator.submit("/app/people/invite", "/app/people/invite",
                Map.of("displayName", "Late Person", "email", "late@boreale.example", "role", "researcher")).body());
        jdbc.sql("update invitations set expires_at = now() - interval '1 minute' where email = 'late@boreale.example'").update();

        Http invited = Http.withCookies(port);
        assertThat(invited.get(link).body()).contains("has expired or has already been used");
        assertThat(accounts("late@boreale.example")).isZero();
    }

    private long accounts(String email) {
        return jdbc.sql("select count(*) from accounts where email = :email").param("email", email).query(Long.class).single();
    }

    private static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as(pattern + " in the page").isTrue();
        return matcher.group(1);
    }
}
