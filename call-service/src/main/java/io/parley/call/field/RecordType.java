package io.parley.call.field;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A contract record's fields, one per component in declaration order, and its canonical constructor: code that
 * stores or reads the record in rows follows its components, so that a new component needs only its column.
 */
public final class RecordType<T extends Record> {

    private final List<Field> fields;
    private final MethodHandle constructor;

    private RecordType(List<Field> fields, MethodHandle constructor) {
        this.fields = fields;
        this.constructor = constructor;
    }

    public static <T extends Record> RecordType<T> of(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        try {
            MethodHandle constructor = MethodHandles.publicLookup().findConstructor(type,
                    MethodType.methodType(void.class,
                            Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new)));
            return new RecordType<>(Arrays.stream(components).map(Field::of).toList(),
                    constructor.asSpreader(Object[].class, components.length));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException(type + " has no public canonical constructor", e);
        }
    }

    /** Every field, in the record's order. */
    public List<Field> fields() {
        return fields;
    }

    /** The field of this name. */
    public Field field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No field " + name));
    }

    /** The fields but those named, in the record's order. */
    public List<Field> fieldsBut(String... names) {
        Set<String> left = Set.of(names);
        return fields.stream().filter(field -> !left.contains(field.name())).toList();
    }

    /** Gives a field's value, or fails with {@code E}. */
    public interface Values<E extends Exception> {
        Object of(Field field) throws E;
    }

    /** A record with each field's value as {@code values} gives it. */
    @SuppressWarnings("unchecked")
    public <E extends Exception> T create(Values<E> values) throws E {
        Object[] arguments = new Object[fields.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = values.of(fields.get(i));
        }
        try {
            return (T) constructor.invoke(arguments);
        } catch (Throwable e) {
            throw new IllegalStateException("Creating a record failed", e);
        }
    }
}
