package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ca.passerelle.support.Http;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.StaffSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A person's own account: changing the password ends their other sessions; new recovery codes replace the old. */
@IntegrationTest
class AccountIntegrationTests {

    static final Pattern RECOVERY = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void changesThePasswordOnlyWithTheCurrentOneAndEndsEveryOtherSession() {
        String email = StaffSession.curatorWithoutDemoData(jdbc, passwords);
        StaffSession here = StaffSession.signIn(port, email);
        StaffSession elsewhere = StaffSession.signIn(port, email);

        var wrongCurrent = here.submit("/app/account", "/app/account/password",
                Map.of("current", "not-my-password-at-all", "chosen", "a river of quiet stones"));
        assertThat(here.get(wrongCurrent.headers().firstValue("Location").orElseThrow().replaceAll("^http://[^/]+", ""))
                .body()).contains("The current password is not right");
        here.submit("/app/account", "/app/account/password",
                Map.of("current", IntegrationTest.DEMO_PASSWORD, "chosen", "a river of quiet stones"));

        assertThat(here.get("/app/account").body()).contains("Your password is changed");
        assertThat(elsewhere.get("/app").headers().firstValue("Location").orElse("")).endsWith("/login?expired");
        assertThat(StaffSession.passwordStep(Http.withCookies(port), email, IntegrationTest.DEMO_PASSWORD)
                .headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(StaffSession.passwordStep(Http.withCookies(port), email, "a river of quiet stones")
                .headers().firstValue("Location").orElseThrow()).endsWith("/app");

        here.submit("/app/account", "/app/account/password",
                Map.of("current", "a river of quiet stones", "chosen", IntegrationTest.DEMO_PASSWORD));
    }

    @Test
    void givesNewRecoveryCodesThatSignInOnce() {
        String email = "case-manager@boreale.example";
        StaffSession member = StaffSession.signIn(port, jdbc, email);

        String page = member.submit("/app/account", "/app/account/recovery-codes", Map.of()).body();
        List<String> codes = RECOVERY.matcher(page).results().map(match -> match.group(1)).toList();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();

        Http phoneLost = Http.withCookies(port);
        StaffSession.passwordStep(phoneLost, email, IntegrationTest.DEMO_PASSWORD);
        var signedIn = phoneLost.postForm("/login/code", StaffSession.form(Map.of("code", codes.get(3).toUpperCase(),
                "_csrf", StaffSession.csrfOf(phoneLost.get("/login/code").body()))));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/app");
    }
}
