package io.parley.common.directory;

import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.parley.common.api.error.ApiException;
import io.parley.common.events.directory.TenantData;
import io.parley.common.events.directory.UserData;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Asks directory-service, as the current caller, for an object the replica has not heard of: the caller's identity
 * token is passed on unchanged, so the answer holds only what that caller may see, never more. Bounded by the client's
 * timeouts ({@code quarkus.rest-client.directory-service.*}); a directory that cannot answer makes the request a
 * {@code 503} to send again, never a wrong refusal.
 */
@ApplicationScoped
public class DirectoryLookup {

    private static final Logger LOG = Logger.getLogger(DirectoryLookup.class);

    private final DirectoryRestClient directory;
    private final JsonWebToken token;

    DirectoryLookup(@RestClient DirectoryRestClient directory, JsonWebToken token) {
        this.directory = directory;
        this.token = token;
    }

    /** The tenant; empty when it does not exist or the caller may not see it. */
    public Optional<TenantData.Tenant> tenant(UUID id) {
        return ask("tenant", id, directory::tenant, DirectoryRestClient.TenantAnswer::tenant);
    }

    /** The user; empty when they do not exist or the caller may not see them. */
    public Optional<UserData.User> user(UUID id) {
        return ask("user", id, directory::user, UserData::user);
    }

    private <D, T> Optional<T> ask(String object, UUID id, BiFunction<UUID, String, D> request,
            Function<D, T> content) {
        if (token == null || token.getRawToken() == null) {
            return Optional.empty(); // no caller to ask for
        }
        String authorization = "Bearer " + token.getRawToken();
        // outside the caller's transaction: the client's I/O threads must not take part in it
        Answer<D> answer = QuarkusTransaction.suspendingExisting()
                .call(() -> send(object, id, authorization, request));
        return switch (answer.status()) {
            case 200 -> Optional.ofNullable(answer.body()).map(content);
            case 404, 403 -> Optional.empty(); // missing, or outside what this caller may see: the same to them
            default -> throw ApiException.unavailable(
                    "The directory cannot be asked about a recent change now; try again later");
        };
    }

    /** The directory's answer: its status, with the object for a {@code 200}; status 0 when it could not be asked. */
    private record Answer<D>(int status, D body) {
    }

    private static <D> Answer<D> send(String object, UUID id, String authorization,
            BiFunction<UUID, String, D> request) {
        try {
            return new Answer<>(200, request.apply(id, authorization));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status != 404 && status != 403) {
                LOG.errorf("directory-service answered %d when asked for a %s", status, object);
            }
            return new Answer<>(status, null);
        } catch (ProcessingException e) {
            LOG.warnf("directory-service could not be asked for a %s: %s", object, e.getMessage());
            return new Answer<>(0, null);
        }
    }
}
