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

    public static StaffSession signIn(int port) {
        return signIn(port, IntegrationTest.CURATOR_USERNAME, IntegrationTest.CURATOR_PASSWORD);
    }

    public static StaffSession signIn(int port, String username, String password) {
        Http http = Http.withCookies(port);
        String token = csrfOf(http.get("/login").body());
        var signedIn = http.postForm("/login", form(Map.of("username", username, "password", password, "_csrf", token)));
        assertThat(signedIn.statusCode()).as("sign-in answer").isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as("signed in").doesNotContain("error");
        return new StaffSession(http);
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
