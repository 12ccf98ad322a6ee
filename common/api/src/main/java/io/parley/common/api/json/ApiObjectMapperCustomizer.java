package io.parley.common.api.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

import io.parley.common.api.time.ApiDateTimes;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The one JSON configuration of every service: snake_case names, unknown properties rejected, date-times in the
 * reference's {@code +0800} form.
 */
@Singleton
public class ApiObjectMapperCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /** Applied last, so that the API's date-time form wins over the Java time module's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /**
     * Reads an {@code Optional} property that a request leaves out as {@code null}, and one sent as JSON
     * {@code null} as {@code Optional.empty()}: partial updates tell "leave as it is" from "clear it".
     */
    private static final class AbsentAsNullOptionals extends Jdk8Module {

        AbsentAsNullOptionals() {
            configureReadAbsentAsNull(true);
        }

        @Override
        public Object getTypeId() {
            return "parley-absent-as-null-optionals";
        }
    }

    /** Applies the API's rules to a mapper; also used where no CDI container runs. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .registerModule(new AbsentAsNullOptionals())
                .registerModule(new SimpleModule("parley-api-date-times")
                        .addSerializer(ApiDateTimes.serializer())
                        .addDeserializer(java.time.OffsetDateTime.class, ApiDateTimes.deserializer()));
    }
}
