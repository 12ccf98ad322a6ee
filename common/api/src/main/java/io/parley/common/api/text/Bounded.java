package io.parley.common.api.text;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
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
 * Text that keeps the {@link BoundedText} rule for {@link #value()} bytes once stripped of surrounding whitespace, as
 * it is stored; {@code null} (left out) is valid. The message is the rule's own sentence.
 */
@Documented
@Constraint(validatedBy = Bounded.Validator.class)
@Target({ FIELD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface Bounded {

    /** The most bytes the text takes in UTF-8. */
    int value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Bounded, CharSequence> {

        private int maxBytes;

        @Override
        public void initialize(Bounded bounded) {
            maxBytes = bounded.value();
        }

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            if (text == null || BoundedText.fits(text.toString().strip(), maxBytes)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(BoundedText.rule(maxBytes)).addConstraintViolation();
            return false;
        }
    }
}
