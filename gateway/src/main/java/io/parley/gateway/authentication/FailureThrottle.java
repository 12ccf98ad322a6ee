package io.parley.gateway.authentication;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.parley.gateway.GatewayConfig;

/**
 * Limits failed credential checks per login and per client address, so that guessing passwords over the API is not
 * practical. Each login and each address has a token bucket (bucket4j): a burst of {@code login-failures}
 * (resp. {@code address-failures}) failures, refilled at that many per {@code window}.
 * <p>
 * A check takes its token from both buckets <em>before</em> the password is verified ({@link #reserve}), so that
 * parallel guesses cannot overtake the count; a check that succeeds, or that the directory could not answer, gives
 * them back ({@link #release}). A success therefore erases nothing but its own attempt: earlier failures of that login
 * or address still count.
 */
@ApplicationScoped
public class FailureThrottle {

    private final GatewayConfig.Throttle config;
    private final TimeMeter time;
    private final Cache<String, Bucket> logins;
    private final Cache<String, Bucket> addresses;

    @Inject
    FailureThrottle(GatewayConfig config) {
        this(config.throttle(), TimeMeter.SYSTEM_NANOTIME);
    }

    FailureThrottle(GatewayConfig.Throttle config, TimeMeter time) {
        this.config = config;
        this.time = time;
        this.logins = buckets(config, time);
        this.addresses = buckets(config, time);
    }

    /**
     * Takes one attempt from the login's and the address's allowance. Empty when both had one left; otherwise how
     * long to wait before trying again, and nothing is taken.
     */
    public Optional<Duration> reserve(String login, String address) {
        Bucket loginBucket = logins.get(login, key -> bucket(config.loginFailures()));
        Bucket addressBucket = addresses.get(address, key -> bucket(config.addressFailures()));
        ConsumptionProbe byLogin = loginBucket.tryConsumeAndReturnRemaining(1);
        if (!byLogin.isConsumed()) {
            return Optional.of(retryAfter(byLogin));
        }
        ConsumptionProbe byAddress = addressBucket.tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            loginBucket.addTokens(1);
            return Optional.of(retryAfter(byAddress));
        }
        return Optional.empty();
    }

    /** Gives back a reserved attempt that turned out not to be a failure. */
    public void release(String login, String address) {
        Optional.ofNullable(logins.getIfPresent(login)).ifPresent(bucket -> bucket.addTokens(1));
        Optional.ofNullable(addresses.getIfPresent(address)).ifPresent(bucket -> bucket.addTokens(1));
    }

    private Bucket bucket(long failures) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, config.window()).build())
                .withCustomTimePrecision(time)
                .build();
    }

    /** A bucket untouched for a whole window is full again: forgetting it changes nothing. */
    private static Cache<String, Bucket> buckets(GatewayConfig.Throttle config, TimeMeter time) {
        return Caffeine.newBuilder()
                .maximumSize(config.trackedKeys())
                .expireAfterAccess(config.window())
                .ticker(time::currentTimeNanos)
                .build();
    }

    /** Whole seconds, rounded up, at least one: what {@code Retry-After} can say. */
    private static Duration retryAfter(ConsumptionProbe probe) {
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return Duration.ofSeconds(seconds);
    }
}
