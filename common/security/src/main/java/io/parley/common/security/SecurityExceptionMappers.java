package io.parley.common.security;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Security refusals in the reference's form (section 2.5): a permission the role lacks is {@code 403} text/plain
 * {@code Access is denied}; a request without a valid token is {@code 401}.
 */
public class SecurityExceptionMappers {

    public static final String ACCESS_IS_DENIED = "Access is denied";

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(403).type(MediaType.TEXT_PLAIN_TYPE).entity(ACCESS_IS_DENIED).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return notAuthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return notAuthenticated();
    }

    private static Response notAuthenticated() {
        return Response.status(401).type(MediaType.TEXT_PLAIN_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity("A valid identity token is required").build();
    }
}
