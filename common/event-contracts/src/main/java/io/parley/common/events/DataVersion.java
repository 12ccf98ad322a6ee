package io.parley.common.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The contract version ({@code dataversion}, docs/events.md) of an event's {@code data} that a record is. A consumer
 * that reads an event into the record refuses an event of a newer version, which it could only guess at.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DataVersion {

    int value();
}
