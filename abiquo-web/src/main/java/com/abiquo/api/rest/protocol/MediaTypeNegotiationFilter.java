package com.abiquo.api.rest.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Checks the version of Abiquo media types in Accept (406 when unsupported or malformed) and
 * Content-Type (415), then rewrites both headers without it, so that resources match on the bare
 * media type whatever the client's spelling. {@code text/json} is taken as {@code application/json}.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class MediaTypeNegotiationFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String accept = String.join(",", request.getHeaders().getOrDefault(HttpHeaders.ACCEPT, List.of()));
        if (!accept.isBlank()) {
            List<String> ranges = new ArrayList<>();
            for (String raw : accept.split(",")) {
                if (raw.isBlank()) {
                    continue;
                }
                AbiquoMediaTypes.Range range = AbiquoMediaTypes.parse(raw).orElseThrow(() -> ApiException.of(
                        ApiError.NOT_ACCEPTABLE, "Malformed 'Accept' header: " + raw.trim()));
                checkVersion(range, ApiError.NOT_ACCEPTABLE, "Accept");
                ranges.add(range.type().equals("text/json") ? AbiquoMediaTypes.JSON : range.normalized());
            }
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, String.join(", ", ranges));
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.isBlank()) {
            Optional<AbiquoMediaTypes.Range> range = AbiquoMediaTypes.parse(contentType);
            if (range.isEmpty()) {
                throw ApiException.of(ApiError.UNSUPPORTED_MEDIA_TYPE, "Malformed 'Content-Type' header: " + contentType);
            }
            checkVersion(range.get(), ApiError.UNSUPPORTED_MEDIA_TYPE, "Content-Type");
            String type = range.get().type().equals("text/json") ? AbiquoMediaTypes.JSON : range.get().normalized();
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type);
        }
    }

    private static void checkVersion(AbiquoMediaTypes.Range range, ApiError error, String header) {
        if (range.isAbiquo() && range.version().isPresent()
                && !AbiquoMediaTypes.isSupportedVersion(range.version().get())) {
            throw ApiException.of(error, "Invalid version parameter '" + range.version().get() + "' for '" + header
                    + "' header; this server answers versions 2.0 to " + AbiquoMediaTypes.CURRENT_VERSION);
        }
    }
}
