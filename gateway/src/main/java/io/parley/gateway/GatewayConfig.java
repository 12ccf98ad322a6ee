package io.parley.gateway;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the services are, how long the gateway waits for them, how long verified credentials stay cached and how
 * many failed sign-ins it lets through.
 */
@ConfigMapping(prefix = "parley.gateway")
public interface GatewayConfig {

    /** directory-service: tenants, groups, roles, users, clients, and credential checks. */
    @WithDefault("http://localhost:8081")
    URI directoryUrl();

    /** call-service: calls and their audio. */
    @WithDefault("http://localhost:8082")
    URI callUrl();

    /** crypto-service: encryption keys and grants. */
    @WithDefault("http://localhost:8083")
    URI cryptoUrl();

    /** How long to wait for a connection to a service before answering 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long a service may stay silent while answering; long downloads keep going as long as bytes flow. */
    @WithDefault("60s")
    Duration idleTimeout();

    /** The realm named in {@code WWW-Authenticate}. */
    @WithDefault("Parley")
    String realm();

    /** Verified credentials, kept so that the slow password hash is not checked on every request. */
    Credentials credentials();

    /** Failed credential checks allowed before {@code 429 Too Many Requests}. */
    Throttle throttle();

    interface Credentials {

        /**
         * The longest a verified credential is reused. Directory events drop an entry within a second of a change;
         * this bounds the damage if events stop arriving.
         */
        @WithDefault("5m")
        Duration cacheTtl();

        /** At most this many credentials are cached; the least used go first. */
        @WithDefault("10000")
        long cacheSize();
    }

    interface Throttle {

        /**
         * Failed checks of one login from one client address, in a burst, before 429: what a user who mistypes meets,
         * and all a guesser from one address gets against one login.
         */
        @WithDefault("5")
        long loginAddressFailures();

        /** Failed checks from one client address, whatever the logins, in a burst, before 429. */
        @WithDefault("20")
        long addressFailures();

        /**
         * Failed checks of one login from all addresses together, in a burst, before 429: the ceiling a guesser with
         * many addresses meets. Addresses the login signed in from within {@link #knownAddressTtl()} are exempt.
         */
        @WithDefault("50")
        long loginFailures();

        /** The window the allowances above are refilled over: each comes back at its size per window. */
        @WithDefault("1m")
        Duration window();

        /**
         * How many times the wait doubles for a guesser who keeps going: each step beyond the first allows twice the
         * failures of the one before over four times its window, so that its attempts come half as often.
         */
        @WithDefault("4")
        int steps();

        /** How long a successful sign-in exempts its address from the login's ceiling ({@link #loginFailures()}). */
        @WithDefault("30d")
        Duration knownAddressTtl();

        /**
         * How many entries each of the throttle's four tables keeps at most (login and address, address, login, known
         * address); the least used go first.
         */
        @WithDefault("50000")
        long trackedKeys();
    }
}
