package io.parley.common.api.request;

import java.io.IOException;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/** Every request body a resource reads is read through {@link RequestBodyLimit#bounded}. */
@Provider
public class RequestBodyLimitInterceptor implements ReaderInterceptor {

    private final RequestBodyLimit limit;

    RequestBodyLimitInterceptor(RequestBodyLimit limit) {
        this.limit = limit;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(limit.bounded(context.getInputStream()));
        return context.proceed();
    }
}
