package io.parley.gateway.routing;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.HttpProxy;

/**
 * One streaming reverse proxy per service (Vert.x HTTP proxy): bodies flow through in chunks, never held whole in
 * the gateway. Connections to the services are kept open between requests; how a request uses them, and when a failed
 * one is sent again, is {@link ServiceForwarding}'s. A service that cannot be reached gets the caller a {@code 503}
 * JSON error, not a hang.
 */
@ApplicationScoped
public class ServiceProxies {

    /**
     * How long an unused connection stays in the pool: well under the services' own idle timeout (Quarkus closes a
     * connection idle for 30 minutes), so that a service does not close a connection the gateway is about to use.
     */
    private static final int KEEP_ALIVE_SECONDS = 60;

    private final Map<Upstream, HttpProxy> proxies = new EnumMap<>(Upstream.class);

    ServiceProxies(Vertx vertx, GatewayConfig config) {
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setMaxPoolSize(100)
                // a service's answer is passed on in pieces of up to this size rather than 8 KiB, so that a large
                // download (audio) takes fewer writes; the proxy still pauses the service for a slow caller
                .setMaxChunkSize(64 * 1024);
        HttpClient pooled = vertx.createHttpClient(new HttpClientOptions(options).setKeepAliveTimeout(KEEP_ALIVE_SECONDS));
        HttpClient unpooled = vertx.createHttpClient(new HttpClientOptions(options).setKeepAlive(false));
        proxies.put(Upstream.DIRECTORY, proxy(pooled, unpooled, config.directoryUrl(), config));
        proxies.put(Upstream.CALLS, proxy(pooled, unpooled, config.callUrl(), config));
        proxies.put(Upstream.CRYPTO, proxy(pooled, unpooled, config.cryptoUrl(), config));
    }

    public void forward(Upstream upstream, HttpServerRequest request) {
        proxies.get(upstream).handle(request);
    }

    /** The proxy's own origin is never used: {@link ServiceForwarding} sends every request. */
    private static HttpProxy proxy(HttpClient pooled, HttpClient unpooled, URI service, GatewayConfig config) {
        return HttpProxy.reverseProxy(pooled)
                .addInterceptor(new ServiceForwarding(service, pooled, unpooled, config.idleTimeout()));
    }
}
