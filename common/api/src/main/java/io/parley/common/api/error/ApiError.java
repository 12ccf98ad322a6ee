package io.parley.common.api.error;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The business error body of the API (reference section 2.4), served for every 400, 404, 409 and 5xx that is not an
 * authentication or permission failure.
 */
@Schema(requiredProperties = { "error", "description" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String description, Details details) {

    @Schema(requiredProperties = "fields")
    public record Details(List<FieldError> fields) {
    }

    /** One rejected field: its name, a short machine-readable code, and a sentence for people. */
    @Schema(requiredProperties = { "field_name", "error", "description" })
    public record FieldError(String fieldName, String error, String description) {
    }

    public static ApiError of(String error, String description) {
        return new ApiError(error, description, null);
    }

    public static ApiError invalid(List<FieldError> fields) {
        return new ApiError("RecordInvalid", "Record validation errors", new Details(List.copyOf(fields)));
    }
}
