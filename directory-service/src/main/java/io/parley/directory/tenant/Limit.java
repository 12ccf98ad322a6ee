package io.parley.directory.tenant;

import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Min;

/** A license limit as sent: a number from 0, or -1 for no limit (as {@code null} is). */
@Documented
@Constraint(validatedBy = {})
@Min(-1)
@ReportAsSingleViolation
@Target(TYPE_USE)
@Retention(RUNTIME)
@interface Limit {

    String message() default "must be null, -1 (no limit) or from 0";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
