package com.abiquo.api.rest.protocol;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/** Every Abiquo representation says which version it is: {@code ...+json; version=5.0}. */
@Provider
public class VersionedContentTypeFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && (type.getType() + "/" + type.getSubtype()).startsWith(AbiquoMediaTypes.PREFIX)
                && !type.getParameters().containsKey("version")) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE,
                    type.getType() + "/" + type.getSubtype() + "; version=" + AbiquoMediaTypes.CURRENT_VERSION);
        }
    }
}
