package io.parley.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A caller's request body on its way to a service, whose end is passed on only once {@link #release() released}:
 * every byte flows through as it comes, the end waits. See {@link ServiceForwarding} for why. Used on the caller's
 * request context, like the rest of the exchange.
 */
final class HeldEnd implements ReadStream<Buffer> {

    private final ReadStream<Buffer> body;
    private Handler<Void> endHandler;
    private boolean ended;
    private boolean released;

    HeldEnd(ReadStream<Buffer> body) {
        this.body = body;
    }

    /** Lets the end through, now if the body has ended, else when it does. */
    void release() {
        released = true;
        endIfDue();
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        endHandler = handler;
        body.endHandler(handler == null ? null : ignored -> {
            ended = true;
            endIfDue();
        });
        return this;
    }

    private void endIfDue() {
        Handler<Void> handler = endHandler;
        if (ended && released && handler != null) {
            endHandler = null;
            handler.handle(null);
        }
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        body.handler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }
}
