package com.abiquo.it.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import com.abiquo.it.Api;

/** Where a test reaches a server: a node of a {@link LocalCluster}, or the load balancer of a domain. */
public interface Endpoint {

    /** http://host:port, without a trailing slash. */
    String root();

    default String url(String path) {
        return root() + "/api/" + path;
    }

    default Api api() {
        return Api.admin().base(root() + "/api");
    }

    /**
     * GET /api/{@code path} here, as the administrator, within 5 s; empty when the server does not
     * answer (a dead or starting node: callers poll).
     */
    default Optional<HttpResponse<String>> get(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json").build();
            return Optional.of(Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** One HTTP client for every endpoint's probes. */
    final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        /** The status of an anonymous GET of {@code url} within 5 s (a readiness probe); -1 when nothing answers. */
        static int status(String url) {
            try {
                return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        private Http() {
        }
    }

    /** An endpoint at {@code root} (e.g. the balancer). */
    static Endpoint at(String root) {
        return () -> root;
    }
}
