package io.parley.gateway;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Gives the gateway's port a send buffer of {@code parley.test.send-buffer-size} bytes, when a test profile sets it:
 * so that an answer a caller does not read stays in the gateway, as it does for a slow caller of a larger answer.
 */
@ApplicationScoped
public class SmallSendBuffers implements HttpServerOptionsCustomizer {

    @ConfigProperty(name = "parley.test.send-buffer-size", defaultValue = "0")
    int size;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        if (size > 0) {
            options.setSendBufferSize(size);
        }
    }
}
