package io.parley.gateway.routing;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Sends a caller's request to its service over HTTP/1.1 connections kept open between requests, and decides what the
 * caller gets when a connection fails.
 * <p>
 * <b>An exchange keeps its connection until the caller has its answer.</b> A connection goes back to the pool once
 * the service's answer is in and the request has ended. The proxy resets an exchange (closes its connection) when its
 * caller goes away before the answer is passed on whole; and Vert.x 4.5 closes the connection even when the service's
 * answer was already in, and the connection, back in the pool, already carries another caller's request: that
 * request then fails with {@code 503} while its service is reading it. So the request's end reaches the service only
 * once the caller's answer is complete ({@link HeldEnd}): until then the connection cannot go back to the pool, and a
 * reset concerns this exchange alone. The end of a request without a body, or with a {@code Content-Length}, puts
 * nothing on the wire. A chunked body ends with its last chunk, which the service needs before it answers, so such a
 * request gets a connection of its own, closed after it.
 * <p>
 * <b>A stale connection is retried once, a request the service may have applied never.</b> A pooled connection can
 * turn out closed when a request is sent on it: a service restarting, or closing a kept-alive connection just as the
 * request arrives. When the connection closes before any answer, a {@code GET} or {@code HEAD} without a body is sent
 * once more, on a new connection: reading twice changes nothing. Any other request gets {@code 503}: the service may
 * have acted on it (and its body has been streamed), so it is never sent twice. Nor is a request sent again whose
 * service stayed silent for the idle timeout (the gateway closed that connection itself), whose caller went away, or
 * whose service could not be connected to at all.
 */
final class ServiceForwarding implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ServiceForwarding.class);
    private static final String HELD_END = HeldEnd.class.getName();

    private final URI service;
    private final RequestOptions origin;
    private final HttpClient pooled;
    private final HttpClient unpooled;
    private final Duration idleTimeout;

    /**
     * @param pooled connections kept open between requests
     * @param unpooled a new connection for each request, closed after it
     * @param idleTimeout how long the clients let a service stay silent before closing its connection
     */
    ServiceForwarding(URI service, HttpClient pooled, HttpClient unpooled, Duration idleTimeout) {
        this.service = service;
        this.origin = new RequestOptions().setServer(SocketAddress.inetSocketAddress(service.getPort(),
                service.getHost()));
        this.pooled = pooled;
        this.unpooled = unpooled;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        long started = System.nanoTime();
        Future<ProxyResponse> answer = chunked(request)
                ? connect(unpooled).compose(request::send)
                : connect(pooled).compose(upstream -> sendHoldingTheEnd(context, upstream)
                        .recover(failure -> stale(request, failure, started) ? sendAgain(context)
                                : Future.failedFuture(failure)));
        return answer.recover(failure -> unavailable(context, failure));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        return context.sendResponse().andThen(sent -> {
            HeldEnd body = context.get(HELD_END, HeldEnd.class);
            if (body != null) {
                body.release();
            }
        });
    }

    private Future<ProxyResponse> sendHoldingTheEnd(ProxyContext context, HttpClientRequest upstream) {
        ProxyRequest request = context.request();
        HeldEnd body = new HeldEnd(request.getBody().stream());
        context.set(HELD_END, body);
        boolean bodiless = bodiless(request);
        request.setBody(Body.body(body, request.getBody().length()));
        Future<ProxyResponse> answer = request.send(upstream);
        if (bodiless) {
            upstream.sendHead(); // nothing else is written before the end, which is held
        }
        return answer;
    }

    /**
     * The request once more, on a new connection; only for a request without a body. The first connection is closed,
     * and its request with it: its end is never sent.
     */
    private Future<ProxyResponse> sendAgain(ProxyContext context) {
        ProxyRequest request = context.request();
        context.set(HELD_END, null);
        LOG.infof("Service %s closed a kept-alive connection before answering a %s; sending it on a new connection",
                service, request.getMethod());
        request.setBody(null);
        return connect(unpooled).compose(request::send);
    }

    /** A request to the service on a connection from this client; its failure is the answer's, handled there. */
    private Future<HttpClientRequest> connect(HttpClient client) {
        return client.request(origin).map(upstream -> upstream.exceptionHandler(
                failure -> LOG.debugf("A request to service %s failed: %s", service, failure.getMessage())));
    }

    /** Whether the connection closed under a request that may be sent again, before any answer and any time out. */
    private boolean stale(ProxyRequest request, Throwable failure, long started) {
        boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        boolean closed = failure instanceof HttpClosedException || failure instanceof IOException;
        boolean beforeIdleTimeout = System.nanoTime() - started < idleTimeout.toNanos();
        return read && bodiless(request) && closed && beforeIdleTimeout && !callerLeft(request);
    }

    /** The API's 503; the request to the service failed, its end is never sent. */
    private Future<ProxyResponse> unavailable(ProxyContext context, Throwable failure) {
        context.set(HELD_END, null);
        if (callerLeft(context.request())) {
            LOG.debugf("The caller left before service %s answered", service);
        } else {
            LOG.warnf("Service %s is unavailable: %s", service, failure.getMessage());
        }
        ProxyResponse response = context.request().response();
        GatewayResponses.serviceUnavailable(response);
        return Future.succeededFuture(response);
    }

    private static boolean callerLeft(ProxyRequest request) {
        return request.proxiedRequest().response().closed();
    }

    private static boolean chunked(ProxyRequest request) {
        String encoding = request.proxiedRequest().getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static boolean bodiless(ProxyRequest request) {
        return !chunked(request) && request.getBody() != null && request.getBody().length() <= 0;
    }
}
