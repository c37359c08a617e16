package com.abiquo.api.rest.protocol;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every failure becomes an Abiquo error body, in one place. What a client caused is a 4xx that
 * says what to fix; a data-node service that is down is a 503; anything else is a 500 whose body
 * carries only a reference to the log line, never a stack trace.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof ApiException e) {
            return respond(e);
        }
        if (t instanceof WebApplicationException w) {
            return respond(fromJaxRs(w));
        }
        if (t instanceof OptimisticLockException) {
            return respond(ApiException.of(ApiError.CONFLICT, "The resource was changed by another request; read it and try again"));
        }
        if (hasSqlError(t, 1062)) {
            return respond(ApiException.of(ApiError.CONFLICT, "Another resource already has the same unique value"));
        }
        if (hasSqlError(t, 1451)) {
            return respond(ApiException.of(ApiError.CONFLICT, "The resource is still in use by others; remove them first"));
        }
        if (causedBy(thrown, com.abiquo.messaging.MessagingException.class)) {
            LOG.log(Level.WARNING, "Message broker unavailable: " + t);
            return respond(ApiException.of(ApiError.SERVICE_UNAVAILABLE, "The message broker"));
        }
        if (isConnectionFailure(t)) {
            LOG.log(Level.WARNING, "Database unavailable: " + t);
            return respond(ApiException.of(ApiError.SERVICE_UNAVAILABLE, "The database"));
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, thrown);
        return respond(ApiException.of(ApiError.INTERNAL_SERVER_ERROR, reference));
    }

    public static Response respond(ApiException e) {
        ErrorsDto body = new ErrorsDto();
        e.errors().forEach(entry -> body.collection.add(new ErrorDto(entry.code(), entry.message())));
        Response.ResponseBuilder r = Response.status(e.status()).entity(body).type(ErrorsDto.TYPE);
        if (e.status() == 401) {
            r.header("WWW-Authenticate", "Basic realm=\"Abiquo Api\"");
        }
        return r.build();
    }

    private static ApiException fromJaxRs(WebApplicationException w) {
        if (w instanceof NotFoundException) {
            return ApiException.of(ApiError.NOT_FOUND);
        }
        if (w instanceof NotAllowedException) {
            return ApiException.of(ApiError.METHOD_NOT_ALLOWED);
        }
        if (w instanceof NotAcceptableException) {
            return ApiException.of(ApiError.NOT_ACCEPTABLE,
                    "The resource cannot be represented in any media type the 'Accept' header allows");
        }
        if (w instanceof NotSupportedException) {
            return ApiException.of(ApiError.UNSUPPORTED_MEDIA_TYPE,
                    "The resource does not accept documents of that 'Content-Type'");
        }
        int status = w.getResponse() != null ? w.getResponse().getStatus() : 400;
        if (status >= 500) {
            return ApiException.of(ApiError.SERVICE_UNAVAILABLE, "The server");
        }
        return new ApiException(status, List.of(new ApiException.Entry(status + "-"
                + Response.Status.fromStatusCode(status), String.valueOf(w.getMessage()))));
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        for (int i = 0; i < 10 && current != null; i++) {
            if (current instanceof ApiException || current instanceof WebApplicationException) {
                return current;
            }
            if (current instanceof EJBException ejb && ejb.getCause() == null && ejb.getCausedByException() != null) {
                current = ejb.getCausedByException();
                continue;
            }
            if (current.getCause() == null || !(current instanceof EJBException
                    || current.getClass().getName().startsWith("jakarta.ejb")
                    || current instanceof jakarta.transaction.RollbackException
                    || current.getClass().getName().contains("Transaction"))) {
                return current;
            }
            current = current.getCause();
        }
        return t;
    }

    /** 1062: duplicate key; 1451: a row others still refer to. */
    private static boolean hasSqlError(Throwable t, int code) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getErrorCode() == code) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLTransientConnectionException
                    || (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                    || c.getClass().getName().equals("jakarta.resource.ResourceException")) {
                return true;
            }
            if (c instanceof PersistenceException && c.getMessage() != null
                    && c.getMessage().contains("Unable to acquire JDBC Connection")) {
                return true;
            }
        }
        return false;
    }
}
