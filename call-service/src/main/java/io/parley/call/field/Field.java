package io.parley.call.field;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.parley.common.api.code.Codes;

/**
 * One field of a contract record ({@code Call}, {@code CallParticipant}, {@code CallFile}): its JSON name, which is
 * also its column's, the kind of its values, and for a code the values it takes. Its accessor takes and gives
 * {@code Object}, adapted once, so that reading a field, on every event ingest stores, is an exact call.
 */
public record Field(String name, Kind kind, List<Integer> codes, MethodHandle accessor) {

    public enum Kind {
        UUID,
        TEXT,
        CODE,
        INTEGER,
        LONG,
        BOOLEAN,
        DATE_TIME,
        LIST
    }

    private static final Map<Class<?>, Kind> KINDS = Map.of(UUID.class, Kind.UUID, String.class, Kind.TEXT,
            Integer.class, Kind.INTEGER, Long.class, Kind.LONG, Boolean.class, Kind.BOOLEAN, OffsetDateTime.class,
            Kind.DATE_TIME, List.class, Kind.LIST);

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    static Field of(RecordComponent component) {
        Codes codes = component.getAnnotation(Codes.class);
        Kind kind = codes != null ? Kind.CODE : KINDS.get(component.getType());
        if (kind == null) {
            throw new IllegalArgumentException(component + " is of no kind a call's field takes");
        }
        try {
            return new Field(SNAKE_CASE.translate(component.getName()), kind,
                    codes == null ? List.of() : Arrays.stream(codes.value()).boxed().toList(),
                    MethodHandles.publicLookup().unreflect(component.getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class)));
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(component + " cannot be read", e);
        }
    }

    /** The field's value in {@code record}, a record of the type it was made from. */
    public Object value(Object record) {
        try {
            return (Object) accessor.invokeExact(record);
        } catch (Throwable e) {
            throw new IllegalStateException("Reading " + name + " failed", e);
        }
    }
}
