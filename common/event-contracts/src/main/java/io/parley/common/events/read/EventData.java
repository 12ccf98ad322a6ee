package io.parley.common.events.read;

import java.io.IOException;
import java.util.Comparator;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;

import io.parley.common.events.DataVersion;
import io.parley.common.events.EventEnvelope;

/**
 * Reads an event's {@code data} as the contract record of its type: bound by Jackson with the API's names and date
 * forms, then checked against the record's Bean Validation constraints. Properties the record does not name are
 * ignored, as fields may be added to {@code data} within a version (docs/events.md). An event that breaks the
 * contract throws a {@link MalformedEventException} naming the property's path in the event
 * ({@code data.user.tenant_id}) and the rule, never its value, which becomes the dead-letter reason.
 */
@ApplicationScoped
public class EventData {

    private static final String DATA = "data";

    private final ObjectMapper mapper;
    private final Validator validator;

    public EventData(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * The event's {@code data} as {@code contract}, a record annotated with its {@link DataVersion}.
     *
     * @throws MalformedEventException when the event is of a newer version than the record, or its data breaks the
     *         record's types or constraints
     */
    public <T> T read(EventEnvelope event, Class<T> contract) {
        int newest = versionOf(contract);
        if (event.version() > newest) {
            throw MalformedEventException.newerVersion(event.version(), newest);
        }
        return check(bind(mapper, event.data(), contract, DATA), DATA);
    }

    /**
     * A record's whole value as {@code contract}, for a topic whose records are not CloudEvents (the recorders'
     * {@code recording.events}): the same binding and checks, with paths from the value's root
     * ({@code call.call_state}).
     *
     * @throws MalformedEventException when the value breaks the record's types or constraints
     */
    public <T> T read(JsonNode value, Class<T> contract) {
        return read(value, contract, mapper);
    }

    /**
     * The same, bound by {@code binding}: the API's mapper set up for one contract, e.g. with mix-ins that ignore the
     * fields a producer may not set (see call-service's {@code RecorderEventReader}).
     */
    public <T> T read(JsonNode value, Class<T> contract, ObjectMapper binding) {
        return check(bind(binding, value, contract, null), null);
    }

    private <T> T check(T data, String root) {
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        violations.stream().map(violation -> new MalformedEventException(path(root, violation.getPropertyPath()),
                violation.getMessage())).min(Comparator.comparing(MalformedEventException::field))
                .ifPresent(broken -> {
                    throw broken;
                });
        return data;
    }

    private static int versionOf(Class<?> contract) {
        DataVersion version = contract.getAnnotation(DataVersion.class);
        if (version == null) {
            throw new IllegalArgumentException(contract.getName() + " declares no @DataVersion");
        }
        return version.value();
    }

    private static <T> T bind(ObjectMapper binding, JsonNode data, Class<T> contract, String root) {
        T bound;
        try {
            bound = binding.readerFor(contract).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(data);
        } catch (JsonMappingException e) {
            throw MalformedEventException.wrongType(root, e);
        } catch (IOException e) {
            throw notAnObject(root);
        }
        if (bound == null) {
            throw notAnObject(root);
        }
        return bound;
    }

    private static MalformedEventException notAnObject(String root) {
        return root == null ? new MalformedEventException("The record is not a JSON object")
                : new MalformedEventException(root, "is not a JSON object");
    }

    /** The violation's path as the event names it: {@code data.client.contacts[0].phone_number}. */
    private String path(String root, Path property) {
        StringBuilder path = new StringBuilder(root == null ? "" : root);
        for (Path.Node node : property) {
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                path.append(path.isEmpty() ? "" : ".").append(jsonName(node.getName()));
            }
        }
        return path.toString();
    }

    private String jsonName(String property) {
        PropertyNamingStrategy naming = mapper.getPropertyNamingStrategy();
        return naming instanceof PropertyNamingStrategies.NamingBase base ? base.translate(property) : property;
    }
}
