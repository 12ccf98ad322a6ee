package io.parley.common.security;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import io.parley.common.api.time.ApiDateTimes;
import io.quarkus.runtime.BlockingOperationControl;

/**
 * Writes the date-times of a response in the caller's timezone (user, then group, then tenant, then the system
 * default, as the token carries it). Only responses: events written while serving the request keep their own form.
 */
@Provider
public class CallerTimezoneInterceptor implements WriterInterceptor {

    private final Caller caller;

    CallerTimezoneInterceptor(Caller caller) {
        this.caller = caller;
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        // answers written on the I/O thread (refused before any resource ran) carry no dates, and the token may not
        // be read there
        Optional<ZoneId> zone = BlockingOperationControl.isBlockingAllowed() ? caller.timezone() : Optional.empty();
        if (zone.isEmpty()) {
            context.proceed();
        } else {
            ApiDateTimes.writingIn(zone.get(), context::proceed);
        }
    }
}
