package com.abiquo.api.rest.protocol;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.persistence.PageRequest;

import jakarta.ws.rs.QueryParam;

/**
 * Abiquo's paging parameters, read as text so that a bad value is a 400 naming it (JAX-RS would
 * answer 404 for a number that does not parse).
 */
public class PagingParams {

    @QueryParam("startwith")
    String startWith;

    @QueryParam("limit")
    String limit;

    @QueryParam("by")
    String by;

    @QueryParam("asc")
    String asc;

    @QueryParam("has")
    String has;

    public PageRequest toRequest() {
        int start = number("startwith", startWith, 0, Integer.MAX_VALUE, 0);
        int lim = number("limit", limit, 0, PageRequest.MAX_LIMIT, PageRequest.DEFAULT_LIMIT);
        boolean ascending = true;
        if (asc != null && !asc.isBlank()) {
            if (!asc.equalsIgnoreCase("true") && !asc.equalsIgnoreCase("false")) {
                throw ApiException.of(ApiError.QUERY_INVALID_PARAMETER, "asc", "must be true or false");
            }
            ascending = Boolean.parseBoolean(asc);
        }
        if (has != null && has.length() > 255) {
            throw ApiException.of(ApiError.QUERY_INVALID_PARAMETER, "has", "must be at most 255 characters");
        }
        return new PageRequest(start, lim, by, ascending, has);
    }

    private static int number(String name, String value, int min, int max, int defaultValue) {
        return value == null || value.isBlank() ? defaultValue : QueryParams.wholeNumber(name, value.trim(), min, max);
    }
}
