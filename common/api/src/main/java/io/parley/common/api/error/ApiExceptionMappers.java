package io.parley.common.api.error;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into the reference's error shape. Nothing here echoes a class name, a stack trace or the
 * rejected value back to the caller.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);
    private static final ApiError DATABASE_UNAVAILABLE = ApiError.of("ServiceUnavailable",
            "The service is temporarily unavailable, please retry");
    private static final int RETRY_AFTER_SECONDS = 5;

    /** A {@code 503} says when to try again, whatever could not answer; a refusal that knows when says so. */
    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        Response response = json(e.status(), e.error());
        if (e.retryAfter().isPresent()) {
            long seconds = Math.max(1, e.retryAfter().get().plusMillis(999).toSeconds()); // whole seconds, rounded up
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, seconds).build();
        }
        return e.status() == 503 ? retryLater(response) : response;
    }

    /**
     * A request that breaks a Bean Validation constraint ({@code @Valid} on a resource's or a bean's parameter) is a
     * {@code 400} in the error shape, each field named by its JSON path; a return value that breaks one is the
     * server's failure. Quarkus' own mapper takes {@code ValidationException}: this one, for the closer type, wins.
     */
    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        if (e.getConstraintViolations().stream().anyMatch(Violations::ofReturnValue)) {
            return internalError(e);
        }
        return json(400, ApiError.invalid(Violations.fieldErrors(e.getConstraintViolations())));
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        return json(400, ApiError.invalid(List.of(new ApiError.FieldError(path(e), "unknown",
                "Unknown property"))));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = path(e);
        if (field.isEmpty()) {
            return json(400, ApiError.of("InvalidJson", "The request body is not the expected JSON object"));
        }
        return json(400, ApiError.invalid(List.of(new ApiError.FieldError(field, "invalid",
                "Value has the wrong type or format"))));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return json(400, ApiError.of("InvalidJson", "The request body is not well-formed JSON"));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return json(415, ApiError.of("UnsupportedMediaType", "The request body must be application/json"));
    }

    @ServerExceptionMapper
    public Response unknownPath(NotFoundException e) {
        return json(404, ApiError.of("NotFound", "No such resource"));
    }

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e) {
        Response response = json(405, ApiError.of("MethodNotAllowed", "The method is not allowed on this resource"));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? response : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response webApplicationException(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internalError(e);
        }
        if (e.getCause() instanceof JsonProcessingException) {
            return malformedJson((JsonProcessingException) e.getCause());
        }
        return json(status, ApiError.of(e.getResponse().getStatusInfo().getReasonPhrase().replace(" ", ""),
                e.getResponse().getStatusInfo().getReasonPhrase()));
    }

    /**
     * A database the service cannot use now, or a transaction it gave up on for another's locks, answers {@code 503}
     * with {@code Retry-After}, so that clients send the request again; anything else unexpected is a {@code 500}.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Optional<String> transientFailure = TransientDatabaseFailure.reason(e);
        if (transientFailure.isPresent()) {
            LOG.warnf("The database could not serve the request now (%s); answering 503", transientFailure.get());
            return retryLater(json(503, DATABASE_UNAVAILABLE));
        }
        return internalError(e);
    }

    private static Response retryLater(Response response) {
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private static Response internalError(Throwable e) {
        LOG.error("Unexpected failure while serving a request", e);
        return json(500, ApiError.of("InternalError", "The server could not complete the request"));
    }

    static Response json(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    /**
     * The offending property's path inside the wrapped object, as the error's field_name: {@code name} for
     * {@code {"tenant": {"name": ...}}}, {@code fieldset_licensing.recording_seats} for a nested one.
     */
    private static String path(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        return path.stream()
                .skip(path.size() > 1 ? 1 : 0)
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
    }
}
