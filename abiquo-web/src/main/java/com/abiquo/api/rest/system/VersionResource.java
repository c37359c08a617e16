package com.abiquo.api.rest.system;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.security.Public;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/version}: the bare API version, open to anyone (clients learn it first). */
@Path("version")
@RequestScoped
@Public
public class VersionResource {

    public static final String VERSION = AbiquoMediaTypes.CURRENT_VERSION + ".0";

    @GET
    @Produces({MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    public String version() {
        return VERSION;
    }
}
