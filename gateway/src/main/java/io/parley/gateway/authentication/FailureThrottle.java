package io.parley.gateway.authentication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.parley.gateway.GatewayConfig;

/**
 * Limits failed credential checks so that guessing passwords over the API is slow, without letting a stranger lock a
 * user out (OWASP Authentication Cheat Sheet, docs/authentication.md). Failures are counted in three allowances:
 * <ul>
 * <li>per login <em>and</em> client address: small ({@code login-address-failures}), so a guesser from one address
 * gets few tries at a login, while the same login from any other address is untouched;</li>
 * <li>per client address, whatever the login ({@code address-failures}): one address trying many logins;</li>
 * <li>per login from all addresses together ({@code login-failures}, much higher): a guesser with many addresses.
 * An address the login signed in from within {@code known-address-ttl} does not count against this one, so the real
 * user keeps signing in from where they usually do while it is exhausted.</li>
 * </ul>
 * Each allowance is a token bucket (bucket4j) with several steps rather than a lock: a burst of its size, refilled at
 * that size per {@code window}; then twice the size over four times the window, and so on, so that a guesser who
 * keeps going waits twice as long per attempt at each step, and one who stops gets everything back.
 * <p>
 * A check takes its token from each allowance <em>before</em> the password is verified ({@link #reserve}), so that
 * parallel guesses cannot overtake the count; a check that succeeds ({@link #succeeded}), or that the directory could
 * not answer ({@link #giveBack}), gives them back. A success therefore erases nothing but its own attempt.
 * <p>
 * Memory is bounded whatever callers send: each table keeps at most {@code tracked-keys} entries (Caffeine, the least
 * used go first), and a login or address longer than {@value #MAX_KEY_LENGTH} characters is kept as its SHA-256.
 */
@ApplicationScoped
public class FailureThrottle {

    static final int MAX_KEY_LENGTH = 64;

    /** What a credential check may do: go ahead, having taken its share of the allowances, or wait. */
    public sealed interface Reservation {
    }

    /** The check may go ahead; it took one attempt from each of {@code taken}. */
    public record Allowed(LoginAt loginAt, List<Bucket> taken) implements Reservation {
    }

    /** An allowance is used up; nothing was taken. */
    public record Refused(Duration retryAfter) implements Reservation {
    }

    /** A login tried from a client address, as the throttle keeps them. */
    public record LoginAt(String login, String address) {
    }

    private final GatewayConfig.Throttle config;
    private final TimeMeter time;
    private final Cache<LoginAt, Bucket> loginsAtAddresses;
    private final Cache<String, Bucket> addresses;
    private final Cache<String, Bucket> logins;
    private final Cache<LoginAt, Boolean> knownAddresses;

    @Inject
    FailureThrottle(GatewayConfig config) {
        this(config.throttle(), TimeMeter.SYSTEM_NANOTIME);
    }

    FailureThrottle(GatewayConfig.Throttle config, TimeMeter time) {
        this.config = config;
        this.time = time;
        // a bucket untouched for its longest step is full again: forgetting it changes nothing
        Duration untouched = stepWindow(config.steps() - 1);
        this.loginsAtAddresses = table(config.trackedKeys(), untouched, time);
        this.addresses = table(config.trackedKeys(), untouched, time);
        this.logins = table(config.trackedKeys(), untouched, time);
        this.knownAddresses = Caffeine.newBuilder()
                .maximumSize(config.trackedKeys())
                .expireAfterWrite(config.knownAddressTtl())
                .ticker(time::currentTimeNanos)
                .build();
    }

    /** Takes one attempt from each allowance that applies, or none if one of them is used up. */
    public Reservation reserve(String login, String address) {
        LoginAt loginAt = new LoginAt(key(login), key(address));
        List<Bucket> allowances = new ArrayList<>(3);
        allowances.add(loginsAtAddresses.get(loginAt, key -> bucket(config.loginAddressFailures())));
        allowances.add(addresses.get(loginAt.address(), key -> bucket(config.addressFailures())));
        if (knownAddresses.getIfPresent(loginAt) == null) {
            allowances.add(logins.get(loginAt.login(), key -> bucket(config.loginFailures())));
        }
        List<Bucket> taken = new ArrayList<>(allowances.size());
        for (Bucket allowance : allowances) {
            ConsumptionProbe probe = allowance.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                taken.forEach(bucket -> bucket.addTokens(1));
                return new Refused(retryAfter(probe));
            }
            taken.add(allowance);
        }
        return new Allowed(loginAt, List.copyOf(taken));
    }

    /** The password was right: the attempt is given back, and the address exempt from the login's ceiling. */
    public void succeeded(Allowed attempt) {
        giveBack(attempt);
        knownAddresses.put(attempt.loginAt(), Boolean.TRUE);
    }

    /** Gives back an attempt that turned out not to be a failure. */
    public void giveBack(Allowed attempt) {
        attempt.taken().forEach(bucket -> bucket.addTokens(1));
    }

    /** How many entries the throttle holds, across its tables. */
    long trackedEntries() {
        List<Cache<?, ?>> tables = List.of(loginsAtAddresses, addresses, logins, knownAddresses);
        tables.forEach(Cache::cleanUp);
        return tables.stream().mapToLong(Cache::estimatedSize).sum();
    }

    private Bucket bucket(long failures) {
        LocalBucketBuilder builder = Bucket.builder();
        for (int step = 0; step < config.steps(); step++) {
            long size = failures << step;
            builder.addLimit(Bandwidth.builder().capacity(size).refillGreedy(size, stepWindow(step)).build());
        }
        return builder.withCustomTimePrecision(time).build();
    }

    /** The window of a step: four times the one before. */
    private Duration stepWindow(int step) {
        return config.window().multipliedBy(1L << (2 * step));
    }

    private static <K> Cache<K, Bucket> table(long size, Duration untouched, TimeMeter time) {
        return Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfterAccess(untouched)
                .ticker(time::currentTimeNanos)
                .build();
    }

    /** The value itself, or its SHA-256 when longer than {@value #MAX_KEY_LENGTH} characters. */
    static String key(String value) {
        if (value.length() <= MAX_KEY_LENGTH) {
            return value;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Whole seconds, rounded up, at least one: what {@code Retry-After} can say. */
    private static Duration retryAfter(ConsumptionProbe probe) {
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return Duration.ofSeconds(seconds);
    }
}
