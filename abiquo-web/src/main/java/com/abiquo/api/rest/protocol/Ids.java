package com.abiquo.api.rest.protocol;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

/** Path ids, read as text so that {@code /datacenters/abc} is a clear 400, not a bare 404. */
public final class Ids {

    private Ids() {
    }

    public static int parse(String id) {
        try {
            int v = Integer.parseInt(id);
            if (v <= 0) {
                throw ApiException.of(ApiError.INVALID_ID);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.of(ApiError.MALFORMED_URI);
        }
    }
}
