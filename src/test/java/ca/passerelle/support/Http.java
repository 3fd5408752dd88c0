package ca.passerelle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A plain HTTP client for tests: the same door a browser or a partner system uses. It follows no
 * redirect and keeps no cookie unless told, so every test sees exactly what the server answered.
 */
public final class Http {

    private final String base;
    private final HttpClient client;

    public Http(int port) {
        this(port, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
    }

    private Http(int port, HttpClient client) {
        this.base = "http://localhost:" + port;
        this.client = client;
    }

    /** A client that keeps cookies, like a browser signed in to the staff area. */
    public static Http withCookies(int port) {
        return new Http(port, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new java.net.CookieManager())
                .build());
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
}
