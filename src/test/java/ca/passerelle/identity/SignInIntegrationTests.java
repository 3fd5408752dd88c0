package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import ca.passerelle.support.Authenticator;
import ca.passerelle.support.Http;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.StaffSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signing in as a person would, over HTTP: a password, then a code when the role reaches personal data. */
@IntegrationTest
class SignInIntegrationTests {

    static final String OPERATOR = "hotline-operator@aurore.example";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signsACuratorInWithAPasswordAloneOnANewSessionId() {
        Http http = Http.withCookies(port);
        http.get("/login");
        String before = sessionCookie(http);

        var answer = StaffSession.passwordStep(http, IntegrationTest.CURATOR_USERNAME, IntegrationTest.DEMO_PASSWORD);

        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/app"));
        assertThat(sessionCookie(http)).isNotEqualTo(before);
        assertThat(http.get("/app").statusCode()).isEqualTo(200);
    }

    @Test
    void asksAHotlineOperatorForTheAuthenticatorsCodeAndAcceptsItOnlyOnce() {
        jdbc.sql("update accounts set last_totp_step = 0 where email = :email").param("email", OPERATOR).update();
        Http http = Http.withCookies(port);
        var afterPassword = StaffSession.passwordStep(http, OPERATOR, IntegrationTest.DEMO_PASSWORD);
        assertThat(afterPassword.headers().firstValue("Location").orElseThrow()).endsWith("/login/code");
        assertThat(http.get("/app").statusCode()).as("not signed in before the code").isEqualTo(302);

        assertThat(code(http, "000000").headers().firstValue("Location").orElseThrow()).endsWith("/login/code?error");
        String code = Authenticator.code(IntegrationTest.DEMO_TOTP_SECRET);
        assertThat(code(http, code).headers().firstValue("Location").orElseThrow()).endsWith("/app");
        assertThat(http.get("/app").statusCode()).isEqualTo(200);

        Http replay = Http.withCookies(port);
        StaffSession.passwordStep(replay, OPERATOR, IntegrationTest.DEMO_PASSWORD);
        assertThat(code(replay, code).headers().firstValue("Location").orElseThrow())
                .as("the same code a second time").endsWith("/login/code?error");
    }

    @Test
    void answersAnUnknownAddressExactlyLikeAWrongPassword() {
        var unknown = StaffSession.passwordStep(Http.withCookies(port), "nobody@nowhere.example", "whatever-password-1");
        var wrong = StaffSession.passwordStep(Http.withCookies(port), "researcher@boreale.example", "not-the-password-1");

        assertThat(unknown.headers().firstValue("Location")).isEqualTo(wrong.headers().firstValue("Location"));
        assertThat(unknown.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        Http http = new Http(port);
        assertThat(http.get("/login?error").body()).contains("Sign-in failed");
    }

    @Test
    void pausesAnAccountAfterFiveFailuresEvenForTheRightPassword() {
        String email = "coalition-lead@boreale.example";
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            StaffSession.passwordStep(Http.withCookies(port), email, "wrong-password-" + i);
        }

        var rightPassword = StaffSession.passwordStep(Http.withCookies(port), email, IntegrationTest.DEMO_PASSWORD);

        assertThat(rightPassword.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        var colleague = StaffSession.passwordStep(Http.withCookies(port), "directory-curator@boreale.example",
                IntegrationTest.DEMO_PASSWORD);
        assertThat(colleague.headers().firstValue("Location").orElseThrow()).as("another account").endsWith("/app");
        assertThat(jdbc.sql("""
                        select count(*) from audit_trail a join accounts c on c.id::text = a.record_id
                        where c.email = :email and a.action = 'account.sign-in' and a.outcome = 'refused'""")
                .param("email", email).query(Long.class).single()).isEqualTo(SignInThrottle.PER_ACCOUNT + 1);
    }

    @Test
    void refusesASignInWithoutTheFormsToken() {
        var forged = Http.withCookies(port).postForm("/login", StaffSession.form(Map.of(
                "username", IntegrationTest.CURATOR_USERNAME, "password", IntegrationTest.DEMO_PASSWORD)));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void endsTheSessionOfAnAccountDisabledByItsAdministratorAtTheNextRequest() {
        StaffSession curator = StaffSession.signIn(port, jdbc, "directory-curator@aurore.example");
        StaffSession administrator = StaffSession.signIn(port, jdbc, "organisation-administrator@aurore.example");
        String id = jdbc.sql("select id::text from accounts where email = 'directory-curator@aurore.example'")
                .query(String.class).single();
        assertThat(curator.get("/app/directory").statusCode()).isEqualTo(200);

        var disabled = administrator.submit("/app/people/" + id, "/app/people/" + id + "/disable", Map.of());
        assertThat(disabled.statusCode()).isEqualTo(302);

        var next = curator.get("/app/directory");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
        var again = StaffSession.passwordStep(Http.withCookies(port), "directory-curator@aurore.example",
                IntegrationTest.DEMO_PASSWORD);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

        administrator.submit("/app/people/" + id, "/app/people/" + id + "/enable", Map.of());
    }

    @Test
    void refusesTheCodeOfAnAccountDisabledAfterItsPasswordWasChecked() {
        String email = "hotline-operator@boreale.example";
        Http http = Http.withCookies(port);
        StaffSession.passwordStep(http, email, IntegrationTest.DEMO_PASSWORD);
        jdbc.sql("update accounts set enabled = false where email = :email").param("email", email).update();
        try {
            var answer = code(http, Authenticator.code(IntegrationTest.DEMO_TOTP_SECRET));

            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/login/code?error");
        } finally {
            jdbc.sql("update accounts set enabled = true where email = :email").param("email", email).update();
        }
    }

    @Test
    void logsOutForGood() {
        StaffSession curator = StaffSession.signIn(port);
        var out = curator.submit("/app", "/logout", Map.of());
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");

        assertThat(curator.get("/app").statusCode()).isEqualTo(302);
    }

    private static HttpResponse<String> code(Http http, String code) {
        return http.postForm("/login/code", StaffSession.form(Map.of("code", code,
                "_csrf", StaffSession.csrfOf(http.get("/login/code").body()))));
    }

    private static String sessionCookie(Http http) {
        return http.cookie("JSESSIONID").orElse("");
    }
}
