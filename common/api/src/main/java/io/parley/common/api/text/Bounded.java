package io.parley.common.api.text;

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

/**
 * Text that keeps the {@link BoundedText} rule for {@link #value()} bytes as it is stored: once stripped of
 * surrounding whitespace (names), or as sent ({@link #strip()} {@code false}: a call's fields); {@code null} (left
 * out) is valid. Without a message of its own, the error is the rule's own sentence.
 */
@Documented
@Constraint(validatedBy = Bounded.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface Bounded {

    /** The most bytes the text takes in UTF-8. */
    int value();

    /** Whether the text is stored stripped of surrounding whitespace, and bounded as such. */
    boolean strip() default true;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Bounded, CharSequence> {

        private int maxBytes;
        private boolean strip;
        private String message;

        @Override
        public void initialize(Bounded bounded) {
            maxBytes = bounded.value();
            strip = bounded.strip();
            message = bounded.message().isEmpty() ? BoundedText.rule(maxBytes) : bounded.message();
        }

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            if (text == null || BoundedText.fits(strip ? text.toString().strip() : text, maxBytes)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }
    }
}
