package io.parley.gateway;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the services are and how long the gateway waits for them. */
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
}
