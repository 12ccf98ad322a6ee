package io.parley.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads rendered objects as fabric8's model of the Kubernetes API types. Strictly, as the API server does: fabric8's
 * classes keep every field they do not know in {@code additionalProperties} (a Jackson any-setter), so that a
 * misspelled {@code readinesProbe} would pass silently; here the any-setter is taken away and an unknown field fails,
 * as does a number where the API wants a string (an unquoted env {@code value}) or the reverse.
 */
public final class KubernetesModel {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("unknown-fields-refused").setDeserializerModifier(new NoAnySetter()))
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, config -> config
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, config -> config
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .build();

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private KubernetesModel() {
    }

    /**
     * The object as its Kubernetes API type.
     *
     * @throws IllegalArgumentException naming the object and the first field the type refuses, or saying that its
     *         kind is none of the API's
     */
    public static HasMetadata parse(JsonNode object) {
        KubernetesResource resource;
        try {
            resource = STRICT.treeToValue(object, KubernetesResource.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(RenderedOverlay.describe(object) + " is not a valid "
                    + object.path("apiVersion").asString("") + " " + RenderedOverlay.kindOf(object) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + " at " + pathOf(e), e);
        }
        if (resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata typed)) {
            throw new IllegalArgumentException(RenderedOverlay.describe(object) + ": "
                    + object.path("apiVersion").asString("") + " " + RenderedOverlay.kindOf(object)
                    + " is not a Kubernetes API type");
        }
        return typed;
    }

    /** Whether fabric8's model knows the object's apiVersion and kind as a Kubernetes API type. */
    public static boolean isApiType(JsonNode object) {
        try {
            return !(LENIENT.treeToValue(object, KubernetesResource.class) instanceof GenericKubernetesResource);
        } catch (JacksonException e) {
            return true;
        }
    }

    /** The object as a type, ignoring what the type does not know: for rules, which check the parse elsewhere. */
    public static <T> T read(JsonNode object, Class<T> type) {
        return LENIENT.treeToValue(object, type);
    }

    /** Where in the object the failure is, as {@code spec.template.spec.containers[0].readinesProbe}. */
    private static String pathOf(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Takes away the any-setter that fabric8's classes collect unknown fields with. */
    private static final class NoAnySetter extends ValueDeserializerModifier {

        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription.Supplier bean,
                BeanDeserializerBuilder builder) {
            if (bean.getBeanClass().getName().startsWith("io.fabric8.")
                    && bean.getBeanClass() != GenericKubernetesResource.class) {
                builder.setAnySetter(null);
            }
            return builder;
        }
    }
}
