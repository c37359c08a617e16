package com.abiquo.api.rest.protocol;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

/** Documents that must be there. */
public final class Bodies {

    private Bodies() {
    }

    public static <T> T require(T body) {
        if (body == null) {
            throw ApiException.of(ApiError.EMPTY_BODY);
        }
        return body;
    }
}
