package io.parley.common.api.text;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Collection;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A value that, when sent, is not blank: text with more than whitespace, a list with an entry. {@code null} is valid:
 * on an update, a field left out keeps what is stored (pair it with {@code @NotNull} in the creating group where the
 * field is required). The error it makes is {@code blank}.
 */
@Documented
@Constraint(validatedBy = { NotBlankWhenSent.TextValidator.class, NotBlankWhenSent.ListValidator.class })
@Target({ FIELD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface NotBlankWhenSent {

    String message() default "can't be blank";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class TextValidator implements ConstraintValidator<NotBlankWhenSent, CharSequence> {

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            return text == null || !text.toString().isBlank();
        }
    }

    class ListValidator implements ConstraintValidator<NotBlankWhenSent, Collection<?>> {

        @Override
        public boolean isValid(Collection<?> list, ConstraintValidatorContext context) {
            return list == null || !list.isEmpty();
        }
    }
}
