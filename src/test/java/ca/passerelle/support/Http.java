package ca.passerelle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * A plain HTTP client for tests: the same door a browser or a partner system uses. It follows no
 * redirect and keeps no cookie unless told, so every test sees exactly what the server answered.
 */
public final class Http {

    private final String base;
    private final HttpClient client;
    private final CookieManager cookies;

    public Http(int port) {
        this(port, null);
    }

    private Http(int port, CookieManager cookies) {
        this.base = "http://localhost:" + port;
        this.cookies = cookies;
        var builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        this.client = (cookies == null ? builder : builder.cookieHandler(cookies)).build();
    }

    /** A client that keeps cookies, like a browser signed in to the staff area. */
    public static Http withCookies(int port) {
        return new Http(port, new CookieManager());
    }

    /** The value of a cookie this client keeps. */
    public Optional<String> cookie(String name) {
        return cookies == null ? Optional.empty() : cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        try {
            return client.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postForm(String path, String form, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(base + path));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    public String url(String path) {
        return base + path;
    }

    /** An answer with what must differ between two requests (the id asked for, time, reference) taken out. */
    public static String sameness(String body, String id) {
        return body.replace(id, "{id}").replaceAll("\"timestamp\":\"[^\"]+\"", "").replaceAll("\"correlationId\":\"\\w+\"", "");
    }
}
