package io.parley.call.playback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Sends a body whose length the resource declared with that {@code Content-Length} and unchunked (playback's, see
 * {@link Playback}). Quarkus REST 3.33 marks a body written through its output stream chunked once the body outgrows
 * the output buffer, even when the resource set {@code Content-Length}, whenever a {@code WriterInterceptor} runs
 * (common/security's {@code CallerTimezoneInterceptor} runs on every response): the interceptor copies the headers to
 * the Vert.x response before the body is written, and the output stream then finds no length it should keep. A
 * response with both headers is invalid (RFC 9112 6.3) and proxies refuse it; the declared length is the true one, so
 * the chunked marker is dropped just before the head goes out. Responses without a declared length are untouched.
 */
@ApplicationScoped
public class DeclaredContentLength {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            // headers-end handlers run last-added first: this one after Quarkus REST's own
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                if (headers.contains(HttpHeaders.CONTENT_LENGTH)) {
                    headers.remove(HttpHeaders.TRANSFER_ENCODING);
                }
            });
            context.next();
        });
    }
}
