package com.abiquo.api.security;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.logging.Logger;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.security.Caller;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Checks the privileges a resource method declares with {@link Requires}. Fails closed: a method
 * that declares neither {@link Requires} nor {@link Public} is refused and logged as a defect.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION)
public class AuthorizationFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AuthorizationFilter.class.getName());

    @Context
    ResourceInfo resourceInfo;

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return;
        }
        Class<?> resource = resourceInfo.getResourceClass();
        if (method.isAnnotationPresent(Public.class) || resource.isAnnotationPresent(Public.class)) {
            return;
        }
        Requires requires = method.isAnnotationPresent(Requires.class) ? method.getAnnotation(Requires.class)
                : resource.getAnnotation(Requires.class);
        if (requires == null) {
            LOG.severe("Refused " + request.getMethod() + " " + request.getUriInfo().getPath() + ": "
                    + resource.getSimpleName() + "." + method.getName() + " declares no @Requires");
            throw ApiException.of(ApiError.NOT_ENOUGH_PERMISSIONS);
        }
        if (!caller.isAuthenticated()) {
            throw ApiException.of(ApiError.AUTHENTICATION_REQUIRED);
        }
        if (requires.value().length > 0 && Arrays.stream(requires.value()).noneMatch(caller::has)) {
            throw ApiException.of(ApiError.NOT_ENOUGH_PERMISSIONS);
        }
    }
}
