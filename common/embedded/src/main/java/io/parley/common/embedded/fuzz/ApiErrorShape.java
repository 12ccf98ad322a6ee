package io.parley.common.embedded.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Function;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/**
 * The property every fuzz test of an endpoint checks: an answer below 500, and a refusal in the API's shape, the
 * reference's text/plain for 401 and 403, and {@code {"error", "description", "details": {"fields": [...]}}} for
 * any other 4xx (docs/api-conventions and common/api ApiError).
 */
public final class ApiErrorShape {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiErrorShape() {
    }

    /** Sends {@code tries} requests made from fuzz data and checks the property on each answer. */
    public static void assertEachAnswered(int tries, Function<FuzzedDataProvider, Response> send) {
        FuzzInputs.check(tries, data -> assertAnswered(send.apply(data)));
    }

    /**
     * As {@link #assertEachAnswered}, where a service that depends on another one the test does not run may also
     * answer {@code 503} with {@code Retry-After} in the error shape: what it answers when that one cannot be asked.
     */
    public static void assertEachAnsweredOrRetryLater(int tries, Function<FuzzedDataProvider, Response> send) {
        FuzzInputs.check(tries, data -> {
            Response answer = send.apply(data);
            if (answer.statusCode() == 503 && answer.header("Retry-After") != null) {
                assertAnswered(400, answer.contentType(), answer.asString());
            } else {
                assertAnswered(answer);
            }
        });
    }

    /** Fails unless the answer holds the property. */
    public static void assertAnswered(Response answer) {
        assertAnswered(answer.statusCode(), answer.contentType(), answer.asString());
    }

    /** Fails unless the answer holds the property; {@link FuzzInputs#check} adds the input that it answered. */
    public static void assertAnswered(int status, String contentType, String body) {
        String problem = problem(status, contentType == null ? "" : contentType, body == null ? "" : body);
        if (problem != null) {
            fail("Answered with " + problem + ": " + status + " " + contentType + " " + body);
        }
    }

    private static String problem(int status, String contentType, String body) {
        if (status >= 500) {
            return "a server error";
        }
        if (status < 400) {
            return null;
        }
        if (contentType.startsWith("text/plain")) {
            return status == 401 || status == 403 ? null : "a text/plain refusal other than 401 or 403";
        }
        if (!contentType.startsWith("application/json")) {
            return "a refusal that is neither JSON nor text/plain";
        }
        JsonNode error;
        try {
            error = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return "a refusal that is not JSON";
        }
        if (error == null || !error.path("error").isTextual() || !error.path("description").isTextual()) {
            return "a refusal without error and description";
        }
        JsonNode details = error.get("details");
        if (details == null) {
            return null;
        }
        JsonNode fields = details.get("fields");
        if (fields == null || !fields.isArray() || fields.isEmpty()) {
            return "details without fields";
        }
        for (JsonNode field : fields) {
            if (!field.path("field_name").isTextual() || !field.path("error").isTextual()
                    || !field.path("description").isTextual()) {
                return "a field error without field_name, error and description";
            }
        }
        return null;
    }
}
