package io.parley.common.api.code;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An integer code from the reference's value set, e.g. {@code call_state} 1 to 8. {@code null} is valid (unknown).
 * The codes are listed in the message, so an error says which values a field takes.
 */
@Documented
@Constraint(validatedBy = Codes.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface Codes {

    int[] value();

    String message() default "must be one of {value}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Codes, Number> {

        private int[] codes;

        @Override
        public void initialize(Codes oneOf) {
            codes = oneOf.value();
        }

        @Override
        public boolean isValid(Number value, ConstraintValidatorContext context) {
            return value == null || Arrays.stream(codes).anyMatch(code -> code == value.longValue());
        }
    }
}
