package io.parley.gateway.routing;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.parley.common.api.crypto.KeySecret;
import io.parley.common.api.request.RequestIds;
import io.parley.gateway.GatewayConfig;
import io.parley.gateway.authentication.AuthenticationMetrics;
import io.parley.gateway.authentication.BasicCredentials;
import io.parley.gateway.authentication.CallerAuthentication;
import io.parley.gateway.authentication.ClientAddress;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The public paths: every request under {@code /api/v2} (the API) and {@code /recorder/v1} (recorders posting their
 * events) is authenticated with HTTP Basic (cached, throttled, checked by the directory), then streamed to the service
 * that owns its resource with the caller's signed identity token in place of the password. What the caller may do
 * there is the service's to decide. Signed playback URLs ({@code /calls/file/{call_id}/signed}) are the one public
 * path forwarded without credentials.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    private final CallerAuthentication authentication;
    private final ServiceProxies proxies;
    private final AuthenticationMetrics metrics;
    private final String realm;

    GatewayRoutes(CallerAuthentication authentication, ServiceProxies proxies, AuthenticationMetrics metrics,
            GatewayConfig config) {
        this.authentication = authentication;
        this.proxies = proxies;
        this.metrics = metrics;
        this.realm = config.realm();
    }

    void register(@Observes Router router) {
        router.route("/api/v2/*").handler(this::serve);
        router.route("/recorder/v1/*").handler(this::serve);
        router.routeWithRegex(HttpMethod.GET, Upstream.SIGNED_AUDIO).handler(this::serveSigned);
        router.routeWithRegex(HttpMethod.HEAD, Upstream.SIGNED_AUDIO).handler(this::serveSigned);
    }

    /**
     * A signed playback URL, for a browser's audio element: no Basic authentication (the signature in the query is
     * the credential, checked by call-service), and no identity token; whatever {@code Authorization} came is dropped.
     */
    private void serveSigned(RoutingContext context) {
        HttpServerRequest request = context.request();
        request.pause();
        requestId(request);
        request.headers().remove(HttpHeaders.AUTHORIZATION);
        proxies.forward(Upstream.CALLS, request);
    }

    private void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        request.pause(); // the body waits, unread, until the request is authenticated and forwarded

        context.response().putHeader(RequestIds.HEADER, requestId(request));

        // only Basic is accepted here: a Bearer token from outside is refused, never passed on
        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            GatewayResponses.unauthorized(context.response(), realm);
            return;
        }
        authentication.authenticate(credentials.get(), clientAddress(request))
                .onSuccess(outcome -> answer(context, outcome, credentials.get()));
    }

    private void answer(RoutingContext context, CallerAuthentication.Outcome outcome, BasicCredentials credentials) {
        metrics.count(outcome);
        if (outcome instanceof CallerAuthentication.Authenticated caller) {
            forward(context, caller, credentials);
        } else if (outcome instanceof CallerAuthentication.Throttled throttled) {
            LOG.infof("Too many failed sign-ins for this login or from this address; retry after %ss",
                    throttled.retryAfter().toSeconds());
            GatewayResponses.tooManyFailures(context.response(), throttled.retryAfter());
        } else if (outcome instanceof CallerAuthentication.Unavailable unavailable) {
            LOG.warnf("Credentials could not be checked: %s", unavailable.cause().getMessage());
            GatewayResponses.serviceUnavailable(context.response());
        } else {
            GatewayResponses.unauthorized(context.response(), realm);
        }
    }

    /**
     * The request's id, taken or created, passed on to the service and logged with. A caller's trace context is not:
     * the gateway's span continues it, and the proxy's client adds its own span's, which the service must find alone.
     */
    private static String requestId(HttpServerRequest request) {
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        request.headers().set(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        W3CTraceContextPropagator.getInstance().fields().forEach(request.headers()::remove);
        return requestId;
    }

    /**
     * The TCP peer; only when {@code quarkus.http.proxy.proxy-address-forwarding} is on and the peer is one of
     * {@code quarkus.http.proxy.trusted-proxies}, the client that proxy names (docs/authentication.md). A header from
     * anyone else changes nothing.
     */
    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : ClientAddress.of(request.remoteAddress().hostAddress());
    }

    private void forward(RoutingContext context, CallerAuthentication.Authenticated caller,
            BasicCredentials credentials) {
        HttpServerRequest request = context.request();
        Optional<Upstream> upstream = Upstream.forPath(request.path());
        if (upstream.isEmpty()) {
            GatewayResponses.notFound(context.response());
            return;
        }
        LOG.debugf("%s %s by user %s to %s", request.method(), request.path(), caller.caller().userId(),
                upstream.get());
        // the password goes no further than the gateway; the service verifies the signed identity instead
        request.headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token());
        // what opens the caller's personal key (docs/encryption.md) goes only where keys are opened, and only from here
        request.headers().remove(KeySecret.HEADER);
        if (upstream.get().receivesKeySecret(request.path())) {
            request.headers().set(KeySecret.HEADER, KeySecret.derive(caller.caller().userId(), credentials.password()));
        }
        context.response().headers().remove(RequestIds.HEADER); // the service echoes it
        // a client asking before it sends a body (curl does for an upload over 1 MB) hears it may, now that it is
        // authenticated; the proxy would not pass the service's answer on, and the client would wait a second first
        if (HttpHeaders.CONTINUE.toString().equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            request.headers().remove(HttpHeaders.EXPECT);
            context.response().writeContinue();
        }
        proxies.forward(upstream.get(), request);
    }
}
