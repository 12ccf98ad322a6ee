package io.parley.common.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import io.parley.common.api.text.Bounded;
import io.parley.common.api.text.BoundedText;
import io.parley.common.api.text.NotBlankWhenSent;
import io.parley.common.api.text.OneOf;
import io.parley.common.api.time.IanaTimezone;

class ConstraintViolationsTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    record Contact(@NotNull String phoneNumber) {
    }

    record Input(@NotNull @NotBlankWhenSent @Bounded(5) String fullName, Optional<@IanaTimezone String> timezone,
            @OneOf( {
                    "tenant", "systemwide" }) String extensionUniqueness,
            @Size(max = 1, message = "must have at most {max} entries") List<@Valid Contact> contacts){
    }

    record Envelope(@Valid Input input) {
    }

    static class Resource {
        public void create(@Valid Envelope body) {
        }
    }

    @Test
    void eachBrokenConstraintNamesItsFieldByJsonPathInTheOrderTheInputDeclaresThem() {
        Input input = new Input("Far too long", Optional.of("Moon/Base"), "galaxy",
                List.of(new Contact("1"), new Contact(null)));

        assertEquals(List.of(
                new ApiError.FieldError("full_name", "invalid", BoundedText.rule(5)),
                new ApiError.FieldError("timezone", "invalid", "is not a known IANA timezone name"),
                new ApiError.FieldError("extension_uniqueness", "invalid", "must be one of systemwide, tenant"),
                new ApiError.FieldError("contacts", "invalid", "must have at most 1 entries"),
                new ApiError.FieldError("contacts.1.phone_number", "blank", "can't be blank")),
                Violations.fieldErrors(VALIDATOR.validate(input)));
    }

    @Test
    void aMissingOrBlankValueIsBlank() {
        assertEquals(List.of(new ApiError.FieldError("full_name", "blank", "can't be blank")),
                Violations.fieldErrors(VALIDATOR.validate(new Input(null, null, null, null))));
        assertEquals(List.of(new ApiError.FieldError("full_name", "blank", "can't be blank")),
                Violations.fieldErrors(VALIDATOR.validate(new Input("  ", null, null, null))));
    }

    @Test
    void aResourceParameterIsAnsweredWithoutItsEnvelopeAsA400() throws NoSuchMethodException {
        Method create = Resource.class.getMethod("create", Envelope.class);
        Set<ConstraintViolation<Resource>> violations = VALIDATOR.forExecutables().validateParameters(new Resource(),
                create, new Object[] { new Envelope(new Input(null, null, "galaxy", null)) });

        Response response = new ApiExceptionMappers().constraintViolation(new ConstraintViolationException(violations));

        assertEquals(400, response.getStatus());
        assertEquals(ApiError.invalid(List.of(new ApiError.FieldError("extension_uniqueness", "invalid",
                "must be one of systemwide, tenant"), new ApiError.FieldError("full_name", "blank", "can't be blank"))),
                response.getEntity());
    }
}
