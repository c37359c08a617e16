package com.abiquo.api.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.security.AuthenticatedUser;
import com.abiquo.security.Authenticator;
import com.abiquo.security.Caller;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.Provider;

/**
 * Authenticates every request but the public paths, by HTTP Basic, {@code Authorization: Token},
 * or the {@code auth} cookie alone; then refreshes the cookie on the response so that cookie-only
 * clients (C#, Ruby, jclouds) stay logged in on whichever node answers next.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String COOKIE = "auth";
    public static final String TOKEN_HEADER = "X-Abiquo-Token";
    /** Set by the load balancer to the address it took the request from (see ClientAddresses). */
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String USER_PROPERTY = AuthenticatedUser.class.getName();
    private static final Set<String> PUBLIC_PATHS = Set.of("version", "health");

    @Inject
    Authenticator authenticator;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceAll("^/+|/+$", "");
        if (PUBLIC_PATHS.contains(path) || request.getMethod().equals("OPTIONS")) {
            return;
        }
        AuthenticatedUser user = authenticate(request);
        caller.authenticate(user.userId(), user.nick(), user.enterpriseId(), user.privileges());
        request.setProperty(USER_PROPERTY, user);
    }

    private AuthenticatedUser authenticate(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            String[] parts = authorization.trim().split("\\s+", 2);
            String scheme = parts[0].toLowerCase(Locale.ROOT);
            String value = parts.length > 1 ? parts[1] : "";
            switch (scheme) {
                case "basic" -> {
                    String decoded = decodeBasic(value);
                    int colon = decoded.indexOf(':');
                    if (colon < 0) {
                        throw ApiException.of(ApiError.INVALID_CREDENTIALS);
                    }
                    return authenticator.basic(decoded.substring(0, colon), decoded.substring(colon + 1),
                            peerAddress(), request.getHeaderString(FORWARDED_FOR));
                }
                case "token" -> {
                    return authenticator.token(value);
                }
                default -> throw ApiException.of(ApiError.INVALID_CREDENTIALS);
            }
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        if (cookie != null && cookie.getValue() != null && !cookie.getValue().isBlank()) {
            return authenticator.token(cookie.getValue());
        }
        throw ApiException.of(ApiError.AUTHENTICATION_REQUIRED);
    }

    private String peerAddress() {
        return servletRequest != null ? servletRequest.getRemoteAddr() : "unknown";
    }

    private static String decodeBasic(String value) {
        try {
            return new String(Base64.getDecoder().decode(value.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.of(ApiError.INVALID_CREDENTIALS);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(USER_PROPERTY) instanceof AuthenticatedUser user) || response.getStatus() == 401) {
            return;
        }
        String token = authenticator.issueToken(user);
        boolean secure = "https".equalsIgnoreCase(request.getUriInfo().getBaseUri().getScheme());
        NewCookie cookie = new NewCookie.Builder(COOKIE).value(token).path(cookiePath(request)).httpOnly(true)
                .secure(secure).maxAge(authenticator.tokenValiditySeconds()).sameSite(NewCookie.SameSite.LAX).build();
        response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
        if (request.getUriInfo().getPath().replaceAll("^/+|/+$", "").equals("login")) {
            response.getHeaders().putSingle(TOKEN_HEADER, token);
        }
    }

    private static String cookiePath(ContainerRequestContext request) {
        String path = request.getUriInfo().getBaseUri().getPath();
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
