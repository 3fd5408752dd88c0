package ca.passerelle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A curator signed in through the sign-in page, as a browser would be: session cookie kept,
 * CSRF token read from each form it submits.
 */
public final class StaffSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final Http http;

    private StaffSession(Http http) {
        this.http = http;
    }

    /** The demo directory curator, whose role needs no second factor. */
    public static StaffSession signIn(int port) {
        return signIn(port, IntegrationTest.CURATOR_USERNAME);
    }

    /** A person whose role needs no second factor, with the demo password. */
    public static StaffSession signIn(int port, String email) {
        Http http = Http.withCookies(port);
        var answer = passwordStep(http, email, IntegrationTest.DEMO_PASSWORD);
        assertThat(answer.headers().firstValue("Location").orElse("")).as("signed in").endsWith("/app");
        return new StaffSession(http);
    }

    /**
     * A demo account, through both steps when its role needs them. A code is accepted only once, so
     * the account's last accepted code is forgotten first, as the next 30-second step would.
     */
    public static StaffSession signIn(int port, JdbcClient jdbc, String email) {
        jdbc.sql("update accounts set last_totp_step = 0 where email = :email").param("email", email).update();
        Http http = Http.withCookies(port);
        var answer = passwordStep(http, email, IntegrationTest.DEMO_PASSWORD);
        if (answer.headers().firstValue("Location").orElse("").endsWith("/login/code")) {
            answer = http.postForm("/login/code", form(Map.of("code", Authenticator.code(IntegrationTest.DEMO_TOTP_SECRET),
                    "_csrf", csrfOf(http.get("/login/code").body()))));
        }
        assertThat(answer.headers().firstValue("Location").orElse("")).as("signed in as " + email).endsWith("/app");
        return new StaffSession(http);
    }

    /**
     * A directory curator for an application started without demo data, created once as an
     * organisation administrator would have; returns their sign-in address.
     */
    public static String curatorWithoutDemoData(JdbcClient jdbc, PasswordEncoder passwords) {
        String email = "curator@test.example";
        boolean exists = jdbc.sql("select exists (select 1 from accounts where email = :email)").param("email", email)
                .query(Boolean.class).single();
        if (!exists) {
            UUID organisation = UUID.randomUUID();
            UUID account = UUID.randomUUID();
            jdbc.sql("insert into network_organisations (id, name, created_at) values (:id, 'Test organisation', now())")
                    .param("id", organisation).update();
            jdbc.sql("""
                            insert into accounts (id, email, display_name, password_hash, sessions_valid_after, created_at)
                            values (:id, :email, 'Test curator', :hash, now(), now())""")
                    .param("id", account).param("email", email)
                    .param("hash", passwords.encode(IntegrationTest.DEMO_PASSWORD)).update();
            jdbc.sql("insert into memberships (account, organisation, roles) values (:account, :organisation, '{directory-curator}')")
                    .param("account", account).param("organisation", organisation).update();
        }
        return email;
    }

    /** Sends an address and a password to the sign-in page, as its form would. */
    public static HttpResponse<String> passwordStep(Http http, String email, String password) {
        String token = csrfOf(http.get("/login").body());
        var answer = http.postForm("/login", form(Map.of("username", email, "password", password, "_csrf", token)));
        assertThat(answer.statusCode()).as("sign-in answer").isEqualTo(302);
        return answer;
    }

    public Http http() {
        return http;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return http.get(path, headers);
    }

    /** Opens {@code page} and reads its form matching {@code selector}, ready to fill in. */
    public HtmlForm form(String page, String selector) {
        var answer = http.get(page);
        assertThat(answer.statusCode()).as(page).isEqualTo(200);
        return HtmlForm.of(answer.body(), selector);
    }

    /** Submits a form as filled in. */
    public HttpResponse<String> submit(HtmlForm form, String... headers) {
        return http.postForm(form.action(), form.encoded(), headers);
    }

    /** Posts raw fields to {@code action}, without a CSRF token: what a forged request would send. */
    public HttpResponse<String> postWithoutToken(String action, Map<String, String> fields) {
        return http.postForm(action, form(fields));
    }

    /** Submits the form found on {@code formPage} to {@code action}, with these fields. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields, String... headers) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfOf(http.get(formPage).body()));
        return http.postForm(action, form(all), headers);
    }

    /** Uploads files with the form found on {@code formPage} to {@code action}, as a browser's file input. */
    public HttpResponse<String> upload(String formPage, String action, String field, List<Upload> files,
            Map<String, String> fields) {
        String boundary = "----passerelle" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfOf(http.get(formPage).body()));
        all.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n"));
        for (Upload file : files) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + file.name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(file.content());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return http.send(http.request(action)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    public record Upload(String name, byte[] content) {
    }

    public static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the form").isTrue();
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    public static String form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!form.isEmpty()) {
                form.append('&');
            }
            form.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return form.toString();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
