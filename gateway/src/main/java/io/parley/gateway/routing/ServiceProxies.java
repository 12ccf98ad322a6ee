package io.parley.gateway.routing;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.parley.gateway.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * One streaming reverse proxy per service (Vert.x HTTP proxy): bodies flow through in chunks, never held whole in
 * the gateway. A service that cannot be reached gets the caller a {@code 503} JSON error, not a hang.
 */
@ApplicationScoped
public class ServiceProxies {

    private static final Logger LOG = Logger.getLogger(ServiceProxies.class);

    private final Map<Upstream, HttpProxy> proxies = new EnumMap<>(Upstream.class);

    ServiceProxies(Vertx vertx, GatewayConfig config) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setMaxPoolSize(100)
                // a service's answer is passed on in pieces of up to this size rather than 8 KiB: an audio download
                // went about a fifth faster (docs/audio.md); the proxy still pauses the service for a slow caller
                .setMaxChunkSize(64 * 1024));
        proxies.put(Upstream.DIRECTORY, proxy(client, config.directoryUrl()));
        proxies.put(Upstream.CALLS, proxy(client, config.callUrl()));
        proxies.put(Upstream.CRYPTO, proxy(client, config.cryptoUrl()));
    }

    public void forward(Upstream upstream, HttpServerRequest request) {
        proxies.get(upstream).handle(request);
    }

    private static HttpProxy proxy(HttpClient client, URI target) {
        return HttpProxy.reverseProxy(client)
                .origin(target.getPort(), target.getHost())
                .addInterceptor(new UnavailableServiceInterceptor(target));
    }

    /** Turns a failed connection or a timed-out service into the API's 503 error. */
    private record UnavailableServiceInterceptor(URI target) implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                LOG.warnf("Service %s is unavailable: %s", target, failure.getMessage());
                ProxyResponse response = context.request().response();
                GatewayResponses.serviceUnavailable(response);
                return Future.succeededFuture(response);
            });
        }
    }
}
