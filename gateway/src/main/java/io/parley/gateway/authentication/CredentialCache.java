package io.parley.gateway.authentication;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.parley.gateway.GatewayConfig;

/**
 * Credentials the directory verified, so that the slow password hash is checked once and not on every request.
 * Bounded in size; an entry goes when the directory reports a change to anything it references (see
 * {@link DirectoryChanges}), and at the latest after the configured TTL.
 * <p>
 * A check in flight while such a change arrives may carry the old answer: every invalidation moves a generation
 * counter on, and an answer is kept only if the counter did not move while it was being fetched.
 */
@ApplicationScoped
public class CredentialCache {

    private final CredentialKey.Hasher hasher = new CredentialKey.Hasher();
    private final Cache<CredentialKey, VerifiedCaller> callers;
    private final AtomicLong generation = new AtomicLong();

    /** Measured as the {@code credentials} cache: {@code cache_gets_total{cache="credentials",result="hit"}}. */
    @Inject
    CredentialCache(GatewayConfig config, MeterRegistry registry) {
        this(config.credentials(), Ticker.systemTicker());
        CaffeineCacheMetrics.monitor(registry, callers, "credentials");
    }

    CredentialCache(GatewayConfig.Credentials config, Ticker ticker) {
        this.callers = Caffeine.newBuilder()
                .maximumSize(config.cacheSize())
                .expireAfterWrite(config.cacheTtl())
                .ticker(ticker)
                .recordStats()
                .build();
    }

    public CredentialKey keyOf(BasicCredentials credentials) {
        return hasher.keyOf(credentials);
    }

    public Optional<VerifiedCaller> get(CredentialKey key) {
        return Optional.ofNullable(callers.getIfPresent(key));
    }

    /** Read before asking the directory, and given back to {@link #put}. */
    public long generation() {
        return generation.get();
    }

    /**
     * Keeps the directory's answer, unless something was invalidated since {@code generationBeforeCheck}: then the
     * answer may predate the change. Putting first and checking after closes the gap an invalidation could slip
     * through between a check and a put: whichever runs second sees the other.
     */
    public void put(CredentialKey key, VerifiedCaller caller, long generationBeforeCheck) {
        callers.put(key, caller);
        if (generation.get() != generationBeforeCheck) {
            callers.asMap().remove(key, caller);
        }
    }

    /** Drops every entry that references this user, group, role or tenant. */
    public void invalidateReferencing(UUID id) {
        generation.incrementAndGet();
        callers.asMap().values().removeIf(caller -> caller.references(id));
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        callers.invalidateAll();
    }

    long size() {
        callers.cleanUp();
        return callers.estimatedSize();
    }
}
