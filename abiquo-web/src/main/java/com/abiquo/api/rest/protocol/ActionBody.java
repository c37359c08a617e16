package com.abiquo.api.rest.protocol;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The optional body of an action link ({@code .../action/deploy} and the like): clients post
 * nothing, {@code null} (the Go client), or an object of flags such as
 * {@code {"forceEnterpriseSoftLimits": true}}, with any or no Content-Type. Anything else is a 400.
 */
public final class ActionBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ActionBody() {
    }

    /** A deploy's "go over soft limits": {@code ?force=true} or either force flag of the body. */
    public static boolean forcesLimits(String forceParameter, String body) {
        return "true".equalsIgnoreCase(forceParameter) || flag(body, "forceEnterpriseSoftLimits")
                || flag(body, "forceVdcLimits");
    }

    /** Whether the body sets {@code name} to true (a boolean or the string "true"). */
    public static boolean flag(String body, String name) {
        if (body == null || body.isBlank()) {
            return false;
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.of(ApiError.INVALID_DOCUMENT, "an action takes no body, null or a JSON object of flags");
        }
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isObject()) {
            throw ApiException.of(ApiError.INVALID_DOCUMENT, "an action takes no body, null or a JSON object of flags");
        }
        JsonNode v = node.path(name);
        return v.asBoolean(false) || "true".equalsIgnoreCase(v.asText(""));
    }
}
