package com.abiquo.api.rest.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

/**
 * Reads the ids out of links a client sends ({@code rel:"datacenter", href:".../admin/datacenters/3"}).
 * Only rel and the href's path count: clients send other hosts, any type or none.
 */
public final class InputLinks {

    private InputLinks() {
    }

    /** The single id of a required link, e.g. {@code id(dto, "datacenter", "admin/datacenters/{id}")}. */
    public static int id(RestDto dto, String rel, String template) {
        LinkDto link = dto.link(rel).orElseThrow(() -> ApiException.of(ApiError.MISSING_LINK, rel));
        int[] ids = ids(link, template);
        return ids[ids.length - 1];
    }

    /** Every id of the link's href along the template, outermost first. */
    public static int[] ids(LinkDto link, String template) {
        String regex = "(?:^|/)" + template.replaceAll("\\{[^}]+}", "(\\\\d+)") + "/?$";
        String path;
        try {
            path = new URI(link.href.trim()).getPath();
        } catch (URISyntaxException e) {
            throw ApiException.of(ApiError.INVALID_LINK, "rel '" + link.rel + "' has a malformed href");
        }
        Matcher m = Pattern.compile(regex).matcher(path == null ? "" : path);
        if (!m.find()) {
            throw ApiException.of(ApiError.INVALID_LINK, "rel '" + link.rel + "' must point to /api/" + template);
        }
        int[] ids = new int[m.groupCount()];
        for (int i = 0; i < ids.length; i++) {
            try {
                ids[i] = Integer.parseInt(m.group(i + 1));
            } catch (NumberFormatException e) {
                throw ApiException.of(ApiError.INVALID_LINK, "rel '" + link.rel + "' has an id out of range");
            }
        }
        return ids;
    }
}
