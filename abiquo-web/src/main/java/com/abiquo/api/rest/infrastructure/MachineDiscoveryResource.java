package com.abiquo.api.rest.infrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.security.Requires;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.infrastructure.RemoteService;
import com.abiquo.infrastructure.RemoteServiceService;
import com.abiquo.infrastructure.RemoteServiceType;
import com.abiquo.security.Privilege;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

/**
 * The datacenter's {@code discover} link: asks the datacenter's node collector what a host is
 * (CPU, RAM, datastores, NICs) and answers it as a {@code machine+json} ready to POST to a rack.
 * The hypervisor password goes to the node collector in a JSON body, never in a URL it would log,
 * and is not in the answer.
 */
@Path("admin/datacenters/{datacenter}/action/discover")
@RequestScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class MachineDiscoveryResource {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RemoteServiceService remoteServices;

    @GET
    @Produces({MachineDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.PHYS_DC_MANAGE)
    public JsonNode discover(@PathParam("datacenter") String datacenter, @QueryParam("ip") String ip,
            @QueryParam("hypervisor") String hypervisor, @QueryParam("user") String user,
            @QueryParam("password") String password, @QueryParam("port") String port) {
        if (ip == null || ip.isBlank() || hypervisor == null || hypervisor.isBlank()) {
            throw ApiException.of(ApiError.DISCOVERY_INVALID, "ip and hypervisor are required");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("ip", ip.trim());
        request.put("hypervisor", hypervisor.trim());
        request.put("user", user);
        request.put("password", password);
        if (port != null && !port.isBlank()) {
            request.put("port", Ids.parse(port));
        }
        String collector = remoteServices.list(Ids.parse(datacenter)).stream()
                .filter(r -> r.getType() == RemoteServiceType.NODE_COLLECTOR).findFirst().map(RemoteService::getUri)
                .orElseThrow(() -> ApiException.of(ApiError.DISCOVERY_NO_NODE_COLLECTOR));
        String url = collector.replaceAll("/+$", "") + "/host";
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw ApiException.of(ApiError.DISCOVERY_FAILED, "the node collector answered " + r.statusCode() + ": "
                        + r.body().substring(0, Math.min(300, r.body().length())));
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw ApiException.of(ApiError.REMOTE_SERVICE_UNREACHABLE, url, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.of(ApiError.REMOTE_SERVICE_UNREACHABLE, url, "interrupted");
        }
    }
}
