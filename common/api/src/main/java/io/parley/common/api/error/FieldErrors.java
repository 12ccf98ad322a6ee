package io.parley.common.api.error;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.validation.ConstraintViolation;

import io.parley.common.api.text.BoundedText;

/**
 * Collects what is wrong with a request, field by field, so that one {@code 400} names every problem at once.
 */
public final class FieldErrors {

    private final List<ApiError.FieldError> errors = new ArrayList<>();

    public FieldErrors add(String fieldName, String error, String description) {
        ApiError.FieldError fieldError = new ApiError.FieldError(fieldName, error, description);
        if (!errors.contains(fieldError)) {
            errors.add(fieldError);
        }
        return this;
    }

    /** {@code blank}: the field is required and was missing, empty or only whitespace. */
    public FieldErrors blank(String fieldName) {
        return add(fieldName, "blank", "can't be blank");
    }

    /** {@code taken}: another object already uses this value where it must be unique. */
    public FieldErrors taken(String fieldName, String description) {
        return add(fieldName, "taken", description);
    }

    /** {@code invalid}: the value is not one the field accepts. */
    public FieldErrors invalid(String fieldName, String description) {
        return add(fieldName, "invalid", description);
    }

    /** {@code invalid} for text that breaks the {@link BoundedText} rule for {@code maxBytes}; null is no text. */
    public FieldErrors text(String fieldName, String value, int maxBytes) {
        if (value != null && !BoundedText.fits(value, maxBytes)) {
            invalid(fieldName, BoundedText.rule(maxBytes));
        }
        return this;
    }

    /** An error for each Bean Validation constraint the request breaks, named by the field's JSON path. */
    public FieldErrors violations(Collection<? extends ConstraintViolation<?>> violations) {
        Violations.fieldErrors(violations).forEach(error -> add(error.fieldName(), error.error(), error.description()));
        return this;
    }

    public boolean has(String fieldName) {
        return errors.stream().anyMatch(error -> error.fieldName().equals(fieldName));
    }

    /** @throws ApiException a {@code 400} naming every collected field, if there is any */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
