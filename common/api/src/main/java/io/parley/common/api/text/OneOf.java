package io.parley.common.api.text;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text that is one of a few values, exactly (an enumeration on the wire); {@code null} (left out) is valid. Without
 * a message of its own, the error says {@code must be one of} and the values in alphabetical order.
 */
@Documented
@Constraint(validatedBy = OneOf.Validator.class)
@Target({ FIELD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface OneOf {

    String[] value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneOf, String> {

        private Set<String> values;
        private String message;

        @Override
        public void initialize(OneOf oneOf) {
            values = Set.of(oneOf.value());
            message = oneOf.message().isEmpty()
                    ? "must be one of " + String.join(", ", Arrays.stream(oneOf.value()).sorted().toList())
                    : oneOf.message();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || values.contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }
    }
}
