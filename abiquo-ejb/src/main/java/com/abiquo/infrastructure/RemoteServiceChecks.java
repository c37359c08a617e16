package com.abiquo.infrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.infrastructure.RemoteServiceService.CheckOutcome;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Asks remote services whether they are up ({@code GET {uri}/check} answers the datacenter id).
 * Runs outside any transaction so that no connection or row lock is held while a slow or dead
 * service makes us wait; what was learned is then recorded in a short transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RemoteServiceChecks {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ANSWER = 64; // datacenter.uuid

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The datacenter id a remote service answered, or why it did not. */
    record Probe(Optional<String> datacenterId, String problem) {
    }

    @EJB
    private RemoteServiceService services;

    /** Creates a remote service; checkable ones are checked first, and an unreachable one gets status 0. */
    public RemoteService create(Integer datacenterId, String type, String uri, int status) {
        boolean checkable = services.validateNew(datacenterId, type, uri).checkable();
        Optional<String> answer = checkable ? probe(uri).datacenterId() : Optional.empty();
        return services.create(datacenterId, type, uri, status, answer, checkable);
    }

    /** Checks a remote service: nothing when it answered for its datacenter, else 409 (RS-2 or RS-3). */
    public void check(Integer id) {
        RemoteService rs = services.get(id);
        if (!rs.getType().checkable()) {
            throw ApiException.of(ApiError.REMOTE_SERVICE_UNREACHABLE, rs.getUri(),
                    "remote services of type " + rs.getType().name() + " cannot be checked");
        }
        Probe probe = probe(rs.getUri());
        CheckOutcome outcome = services.recordCheck(id, probe.datacenterId());
        if (outcome == CheckOutcome.UNREACHABLE) {
            throw ApiException.of(ApiError.REMOTE_SERVICE_UNREACHABLE, rs.getUri(), probe.problem());
        }
        if (outcome == CheckOutcome.WRONG_DATACENTER) {
            throw services.wrongDatacenter(rs, probe.datacenterId().get());
        }
    }

    static Probe probe(String uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(uri.replaceAll("/+$", "") + "/check"))
                    .timeout(REQUEST_TIMEOUT).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body() == null ? "" : response.body().trim();
            if (response.statusCode() != 200) {
                return new Probe(Optional.empty(), "HTTP " + response.statusCode());
            }
            if (body.isEmpty() || body.length() > MAX_ANSWER) {
                return new Probe(Optional.empty(), "it did not answer a datacenter id");
            }
            return new Probe(Optional.of(body), null);
        } catch (HttpTimeoutException e) {
            return new Probe(Optional.empty(), "no answer in time");
        } catch (IOException e) {
            return new Probe(Optional.empty(), "cannot connect");
        } catch (IllegalArgumentException e) {
            return new Probe(Optional.empty(), "not a valid URI to check");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(Optional.empty(), "interrupted");
        }
    }
}
