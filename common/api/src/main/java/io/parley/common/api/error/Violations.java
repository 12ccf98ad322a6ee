package io.parley.common.api.error;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.parley.common.api.text.NotBlankWhenSent;

/**
 * Bean Validation's violations as the API's field errors: named by the JSON path of the field, {@code blank} for a
 * required value that is missing and {@code invalid} for any other, with the constraint's message as description.
 */
final class Violations {

    private static final Set<Class<? extends Annotation>> REQUIRED = Set.of(NotNull.class, NotBlank.class,
            NotEmpty.class, NotBlankWhenSent.class);
    private static final String BUILT_IN_MESSAGE = "{jakarta.validation.constraints.";
    /** The one JSON naming of the API (ApiObjectMapperCustomizer). */
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private static final Comparator<ConstraintViolation<?>> IN_FIELD_ORDER = Comparator
            .comparing(Violations::place, Arrays::compare)
            .thenComparing(violation -> fieldName(violation.getPropertyPath()));

    private Violations() {
    }

    /**
     * One error per violation, in the order the input declares its fields (a list's own error before its entries'),
     * so that the same request always gets the same answer, listed as a reader of the input would check it.
     */
    static List<ApiError.FieldError> fieldErrors(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream().sorted(IN_FIELD_ORDER).map(Violations::fieldError).distinct().toList();
    }

    /**
     * Where the violated field sits in the input: for each step of its path, the field's position among its record's
     * components, and the entry's position in a list. A step into anything but a record ends the place, and
     * the field name decides.
     */
    private static int[] place(ConstraintViolation<?> violation) {
        List<Integer> place = new ArrayList<>();
        Class<?> type = violation.getRootBeanClass();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() != ElementKind.PROPERTY || type == null) {
                continue;
            }
            if (node.getIndex() != null) {
                place.add(node.getIndex());
            }
            RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
            type = null;
            for (int position = 0; position < components.length; position++) {
                if (components[position].getName().equals(node.getName())) {
                    place.add(position);
                    type = valueType(components[position].getGenericType());
                    break;
                }
            }
        }
        return place.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The class of a field's values: the entries' of a list or optional. */
    private static Class<?> valueType(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            return valueType(arguments[arguments.length - 1]);
        }
        return type instanceof Class<?> c ? c : null;
    }

    private static ApiError.FieldError fieldError(ConstraintViolation<?> violation) {
        boolean required = REQUIRED.contains(violation.getConstraintDescriptor().getAnnotation().annotationType());
        String description = required && violation.getMessageTemplate().startsWith(BUILT_IN_MESSAGE)
                ? "can't be blank"
                : violation.getMessage();
        return new ApiError.FieldError(fieldName(violation.getPropertyPath()), required ? "blank" : "invalid",
                description);
    }

    /**
     * The field's JSON path: {@code fieldset_login.login}, {@code contacts.0.phone_number}. A constraint on a list's
     * entry names the list. For a resource method's parameter, the request envelope ({@code {"user": {...}}}) is left
     * out, as Jackson's errors leave it out, and a constraint on the parameter itself names the parameter.
     */
    static String fieldName(Path path) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = SNAKE_CASE.translate(node.getName());
            } else if (node.getKind() == ElementKind.PROPERTY) {
                if (node.getIndex() != null) {
                    names.add(String.valueOf(node.getIndex()));
                } else if (node.getKey() != null) {
                    names.add(String.valueOf(node.getKey()));
                }
                names.add(SNAKE_CASE.translate(node.getName()));
            }
        }
        if (parameter == null) {
            return String.join(".", names);
        }
        if (names.isEmpty()) {
            return parameter;
        }
        return String.join(".", names.subList(names.size() > 1 ? 1 : 0, names.size()));
    }

    /** A violation of what a method returns is the server's failure, not the request's. */
    static boolean ofReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }
}
