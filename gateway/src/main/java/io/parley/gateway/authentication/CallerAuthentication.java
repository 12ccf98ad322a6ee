package io.parley.gateway.authentication;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.gateway.identity.IdentityTokenSigner;
import io.parley.gateway.identity.RenewingToken;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Decides who is calling from their Basic credentials: a credential verified before is answered from the cache;
 * otherwise, unless {@link FailureThrottle} holds the login or the address back, the directory checks the password and
 * a positive answer is cached. Concurrent first requests with the same credentials share one check.
 */
@ApplicationScoped
public class CallerAuthentication {

    /** What became of a credential check. */
    public sealed interface Outcome {
    }

    /** The caller, and the token to forward their request with. */
    public record Authenticated(CallerIdentity caller, String token) implements Outcome {
    }

    /** Wrong credentials, or a user who may not use the API now. */
    public record Refused() implements Outcome {
    }

    /** Too many failures for this login, this address, or this login from this address; the password was not checked. */
    public record Throttled(Duration retryAfter) implements Outcome {
    }

    /** The directory could not answer. */
    public record Unavailable(Throwable cause) implements Outcome {
    }

    /** A credential check under way, and the cache generation it started in. */
    private record Check(long generation, Future<Outcome> outcome) {
    }

    private final CredentialCache cache;
    private final FailureThrottle throttle;
    private final DirectoryAuthenticator directory;
    private final IdentityTokenSigner signer;
    private final Map<CredentialKey, Check> inFlight = new ConcurrentHashMap<>();

    CallerAuthentication(CredentialCache cache, FailureThrottle throttle, DirectoryAuthenticator directory,
            IdentityTokenSigner signer) {
        this.cache = cache;
        this.throttle = throttle;
        this.directory = directory;
        this.signer = signer;
    }

    /** Never fails: every way it can end is an {@link Outcome}. */
    public Future<Outcome> authenticate(BasicCredentials credentials, String clientAddress) {
        CredentialKey key = cache.keyOf(credentials);
        Optional<VerifiedCaller> cached = cache.get(key);
        if (cached.isPresent()) {
            // proven before: throttling it would only lock the real user out while someone else guesses
            return Future.succeededFuture(authenticated(cached.get()));
        }
        long generation = cache.generation();
        Promise<Outcome> check = Promise.promise();
        Check mine = new Check(generation, check.future());
        // join a check of the same credentials only if nothing was invalidated since it began
        Check running = inFlight.compute(key,
                (k, existing) -> existing != null && existing.generation() == generation ? existing : mine);
        if (running != mine) {
            return onCurrentContext(running.outcome());
        }
        FailureThrottle.Reservation reservation = throttle.reserve(credentials.login(), clientAddress);
        if (reservation instanceof FailureThrottle.Refused refused) {
            inFlight.remove(key, mine);
            check.complete(new Throttled(refused.retryAfter()));
            return check.future();
        }
        FailureThrottle.Allowed attempt = (FailureThrottle.Allowed) reservation;
        directory.authenticate(credentials)
                .map(answer -> outcome(key, answer, generation, attempt))
                .otherwise(failure -> {
                    throttle.giveBack(attempt);
                    return new Unavailable(failure);
                })
                .onComplete(result -> {
                    inFlight.remove(key, mine);
                    check.handle(result);
                });
        return check.future();
    }

    private Outcome outcome(CredentialKey key, Optional<CallerIdentity> answer, long generation,
            FailureThrottle.Allowed attempt) {
        if (answer.isEmpty()) {
            return new Refused(); // the reserved attempt stays counted as a failure
        }
        throttle.succeeded(attempt);
        VerifiedCaller caller = new VerifiedCaller(answer.get(), RenewingToken.forCaller(signer, answer.get()));
        cache.put(key, caller, generation);
        return authenticated(caller);
    }

    private static Authenticated authenticated(VerifiedCaller caller) {
        return new Authenticated(caller.identity(), caller.token().value());
    }

    /** A check started by a request on another event loop: its answer is handed back to this request's own loop. */
    private static Future<Outcome> onCurrentContext(Future<Outcome> running) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return running;
        }
        Promise<Outcome> mine = Promise.promise();
        running.onComplete(result -> context.runOnContext(ignored -> mine.handle(result)));
        return mine.future();
    }
}
