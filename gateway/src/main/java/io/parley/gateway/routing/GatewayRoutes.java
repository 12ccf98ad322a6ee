package io.parley.gateway.routing;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.api.request.RequestIds;
import io.parley.gateway.GatewayConfig;
import io.parley.gateway.authentication.BasicCredentials;
import io.parley.gateway.authentication.DirectoryAuthenticator;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The public API: every request under {@code /api/v2} is authenticated with HTTP Basic against the directory, then
 * streamed to the service that owns its resource.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    private final DirectoryAuthenticator authenticator;
    private final ServiceProxies proxies;
    private final String realm;

    GatewayRoutes(DirectoryAuthenticator authenticator, ServiceProxies proxies, GatewayConfig config) {
        this.authenticator = authenticator;
        this.proxies = proxies;
        this.realm = config.realm();
    }

    void register(@Observes Router router) {
        router.route("/api/v2/*").handler(this::serve);
    }

    private void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        request.pause(); // the body waits, unread, until the request is authenticated and forwarded

        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        request.headers().set(RequestIds.HEADER, requestId);
        context.response().putHeader(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);

        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            GatewayResponses.unauthorized(context.response(), realm);
            return;
        }
        authenticator.authenticate(credentials.get()).onComplete(result -> {
            if (result.failed()) {
                LOG.warnf("Credentials could not be checked: %s", result.cause().getMessage());
                GatewayResponses.serviceUnavailable(context.response());
            } else if (result.result().isEmpty()) {
                GatewayResponses.unauthorized(context.response(), realm);
            } else {
                forward(context, result.result().get());
            }
        });
    }

    private void forward(RoutingContext context, CallerIdentity caller) {
        HttpServerRequest request = context.request();
        Optional<Upstream> upstream = Upstream.forPath(request.path());
        if (upstream.isEmpty()) {
            GatewayResponses.notFound(context.response());
            return;
        }
        LOG.debugf("%s %s by user %s to %s", request.method(), request.path(), caller.userId(), upstream.get());
        request.headers().remove(HttpHeaders.AUTHORIZATION); // the password goes no further than the gateway
        context.response().headers().remove(RequestIds.HEADER); // the service echoes it
        proxies.forward(upstream.get(), request);
    }
}
