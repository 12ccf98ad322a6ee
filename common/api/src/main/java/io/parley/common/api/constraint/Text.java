package io.parley.common.api.constraint;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.parley.common.api.text.BoundedText;

/**
 * Text that keeps {@link BoundedText}'s rule: at most {@link #bytes()} bytes of UTF-8, without control characters.
 * {@code null} is valid (unknown); combine with {@code @NotNull} where a value is required.
 */
@Documented
@Constraint(validatedBy = Text.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface Text {

    int bytes();

    String message() default "must be at most {bytes} bytes of UTF-8 text, without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Text, CharSequence> {

        private int bytes;

        @Override
        public void initialize(Text text) {
            bytes = text.bytes();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || BoundedText.fits(value, bytes);
        }
    }
}
