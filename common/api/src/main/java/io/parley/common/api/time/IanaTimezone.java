package io.parley.common.api.time;

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
 * A timezone setting: an IANA name ({@link Timezones}), or blank or {@code null}, which leave the setting unset.
 */
@Documented
@Constraint(validatedBy = IanaTimezone.Validator.class)
@Target({ FIELD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface IanaTimezone {

    String message() default "is not a known IANA timezone name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IanaTimezone, String> {

        @Override
        public boolean isValid(String zone, ConstraintValidatorContext context) {
            return zone == null || zone.isBlank() || Timezones.isIanaName(zone);
        }
    }
}
