package com.abiquo.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An HTTP client of the API as real clients use it: credentials on every request (or none, or a
 * cookie), explicit Accept and Content-Type, links followed by their href. Paths without a scheme
 * are taken relative to {@code /api/}.
 */
public final class Api {

    public static final int HTTP_PORT = Integer.getInteger("it.http.port", 8180);
    public static final String BASE = "http://127.0.0.1:" + HTTP_PORT + "/api";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "xabiquo";
    static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final List<String[]> headers;
    private final String base;

    private Api(List<String[]> headers, String base) {
        this.headers = headers;
        this.base = base;
    }

    public static Api anonymous() {
        return new Api(List.of(), BASE);
    }

    /** The same client against another API node, e.g. {@code http://127.0.0.1:8680/api}. */
    public Api base(String otherBase) {
        return new Api(headers, otherBase);
    }

    public static Api admin() {
        return basic(ADMIN, ADMIN_PASSWORD);
    }

    public static Api basic(String nick, String password) {
        String token = Base64.getEncoder().encodeToString((nick + ":" + password).getBytes(StandardCharsets.UTF_8));
        return anonymous().header("Authorization", "Basic " + token);
    }

    public Api header(String name, String value) {
        List<String[]> copy = new ArrayList<>(headers);
        copy.add(new String[] {name, value});
        return new Api(copy, base);
    }

    public Resp get(String path, String accept) {
        return send("GET", path, accept, null, null);
    }

    public Resp post(String path, String contentType, String accept, Object body) {
        return send("POST", path, accept, contentType, body);
    }

    public Resp put(String path, String contentType, String accept, Object body) {
        return send("PUT", path, accept, contentType, body);
    }

    public Resp delete(String path) {
        return send("DELETE", path, null, null, null);
    }

    /** Any request; {@code body} is a String sent as is, or an object written as JSON. */
    public Resp send(String method, String path, String accept, String contentType, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(60));
        for (String[] h : headers) {
            b.header(h[0], h[1]);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Resp(method + " " + path, r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI url(String path) {
        return URI.create(path.startsWith("http") ? path : base + "/" + path.replaceFirst("^/", ""));
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String type(String name) {
        return "application/vnd.abiquo." + name + "+json";
    }
}
