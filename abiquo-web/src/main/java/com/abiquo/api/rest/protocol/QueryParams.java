package com.abiquo.api.rest.protocol;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

/** Query parameters read as text, so that a bad value is a 400 naming it (JAX-RS would answer 404). */
public final class QueryParams {

    private QueryParams() {
    }

    /** A whole number from min to max, else 400 {@code QUERY-1} naming the parameter. */
    public static int wholeNumber(String name, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.of(ApiError.QUERY_INVALID_PARAMETER, name, "must be a whole number between " + min + " and " + max);
    }
}
