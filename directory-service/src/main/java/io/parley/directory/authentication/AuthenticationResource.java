package io.parley.directory.authentication;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.parley.common.api.error.ApiError;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.api.identity.IdentityToken;

/**
 * Checks API credentials for the gateway. Internal: the gateway routes only {@code /api/v2}, so this path is not
 * reachable through the public port, and only the gateway's own identity token (group {@code parley-gateway}) may
 * call it.
 */
@Path("/internal/v1/authenticate")
public class AuthenticationResource {

    /** A login and password as the gateway read them from an Authorization header. */
    public record Credentials(String login, String password) {
    }

    private final Authenticator authenticator;

    AuthenticationResource(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @RolesAllowed(IdentityToken.GATEWAY_GROUP)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CallerIdentity authenticate(Credentials credentials) {
        if (credentials == null || credentials.login() == null || credentials.password() == null) {
            throw new ApiException(401, ApiError.of("InvalidCredentials", "Wrong login or password"));
        }
        return authenticator.authenticate(credentials.login(), credentials.password())
                .orElseThrow(() -> new ApiException(401, ApiError.of("InvalidCredentials", "Wrong login or password")));
    }
}
