package com.abiquo.error;

import java.util.List;

import jakarta.ejb.ApplicationException;

/**
 * A failure the client caused or must know about. Thrown by services, it rolls back the
 * transaction (nothing half-written) and becomes an Abiquo error body with its status.
 */
@ApplicationException(rollback = true, inherited = true)
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One entry of an Abiquo error collection. */
    public record Entry(String code, String message) {
    }

    private final int status;
    private final List<Entry> errors;

    public ApiException(int status, List<Entry> errors) {
        super(errors.isEmpty() ? "error " + status : errors.get(0).code() + ": " + errors.get(0).message());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ApiException of(ApiError error, Object... args) {
        return new ApiException(error.status(), List.of(new Entry(error.code(), String.format(error.message(), args))));
    }

    public int status() {
        return status;
    }

    public List<Entry> errors() {
        return errors;
    }
}
