package com.abiquo.api.rest.protocol;

import java.net.URI;

import jakarta.ws.rs.core.UriInfo;

/**
 * Absolute hrefs for links. The base is {@code abiquo.server.api.location} when configured (the
 * load balancer's public URL), else the base URI of the request being answered.
 */
public final class Links {

    private static volatile URI configuredBase;

    private final String base;

    private Links(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Set once at start from abiquo.properties. */
    public static void configureBase(URI base) {
        configuredBase = base;
    }

    public static Links of(UriInfo uriInfo) {
        URI b = configuredBase != null ? configuredBase : uriInfo.getBaseUri();
        return new Links(b.toString());
    }

    public String base() {
        return base;
    }

    /** An href for a path under the API root, e.g. {@code href("admin/datacenters/%d", 3)}. */
    public String href(String pathFormat, Object... args) {
        return base + "/" + String.format(pathFormat, args);
    }

    public LinkDto link(String rel, String type, String pathFormat, Object... args) {
        return new LinkDto(rel, href(pathFormat, args), type, null);
    }

    public LinkDto titled(String rel, String type, String title, String pathFormat, Object... args) {
        return new LinkDto(rel, href(pathFormat, args), type, title);
    }
}
