package io.parley.common.api.request;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.api.error.ApiException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The largest request body a service takes, {@code quarkus.http.limits.max-body-size} (256 KiB unless the service
 * sets its own), refused in the API's error shape: {@code 413 {"error": "PayloadTooLarge", ...}} naming the limit.
 * Quarkus's own check answers a bare {@code 413}; this one runs first. A body that declares its length is refused
 * before it is read; one sent in chunks is counted as the service reads it ({@link RequestBodyLimitInterceptor}).
 */
@ApplicationScoped
public class RequestBodyLimit {

    private final Optional<Long> maxBytes;
    private final byte[] answer;

    RequestBodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            ObjectMapper mapper) throws JsonProcessingException {
        this.maxBytes = maxBodySize.map(MemorySize::asLongValue);
        this.answer = maxBytes.isEmpty() ? new byte[0]
                : mapper.writeValueAsBytes(ApiException.payloadTooLarge(maxBytes.get()).error());
    }

    void install(@Observes Router router) {
        if (maxBytes.isEmpty()) {
            return;
        }
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseDeclaredTooLong);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::countWhenRead);
    }

    /** The body as the service reads it, refused with {@code 413} once it runs past the limit. */
    InputStream bounded(InputStream body) {
        return maxBytes.isEmpty() ? body : new Bounded(body, maxBytes.get());
    }

    private void refuseDeclaredTooLong(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && length(declared) > maxBytes.get()) {
            HttpServerResponse response = context.response();
            response.setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .putHeader(RequestIds.HEADER, RequestIds.acceptOrCreate(context.request().getHeader(
                            RequestIds.HEADER)));
            // the body is not read: the connection closes once the answer is out
            response.endHandler(ended -> context.request().connection().close());
            response.end(Buffer.buffer(answer));
            return;
        }
        context.next();
    }

    /** Quarkus's count of a chunked body would answer a bare 413: the interceptor counts instead. */
    private void countWhenRead(RoutingContext context) {
        context.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
        context.next();
    }

    private static long length(String declared) {
        try {
            return Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return -1; // not a length: the HTTP layer refuses it
        }
    }

    private static final class Bounded extends FilterInputStream {

        private final long maxBytes;
        private long read;

        Bounded(InputStream body, long maxBytes) {
            super(body);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            read += n;
            if (read > maxBytes) {
                throw ApiException.payloadTooLarge(maxBytes);
            }
        }
    }
}
