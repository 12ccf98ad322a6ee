package io.parley.call.field;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.parley.common.api.openapi.ApiDocument;

/**
 * The OpenAPI schemas of contract records, made from their fields: an object with every field present, as the API
 * writes them, each {@code null} where unknown.
 */
public final class ContractSchemas {

    private ContractSchemas() {
    }

    /** An object of these fields; a list field is an array of {@code item} objects. */
    public static Schema object(String description, List<Field> fields) {
        Schema object = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
        for (Field field : fields) {
            object.addProperty(field.name(), schema(field)).addRequired(field.name());
        }
        return object;
    }

    /** An array of the named component. */
    public static Schema list(String item) {
        return OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(OASFactory.createSchema().ref(item));
    }

    /** The field's values, or {@code null}. */
    private static Schema schema(Field field) {
        Schema schema = OASFactory.createSchema();
        switch (field.kind()) {
            case UUID -> schema.addType(Schema.SchemaType.STRING).format("uuid");
            case TEXT -> schema.addType(Schema.SchemaType.STRING);
            case INTEGER -> schema.addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO)
                    .maximum(BigDecimal.valueOf(65_535));
            case LONG -> schema.addType(Schema.SchemaType.INTEGER).format("int64").minimum(BigDecimal.ZERO);
            case BOOLEAN -> schema.addType(Schema.SchemaType.BOOLEAN);
            case CODE -> {
                return orNull(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .enumeration(new ArrayList<>(field.codes())));
            }
            case DATE_TIME -> {
                return orNull(OASFactory.createSchema().ref(ApiDocument.DATE_TIME));
            }
            case LIST -> throw new IllegalArgumentException(field.name() + " is a list: its schema is named");
        }
        return schema.addType(Schema.SchemaType.NULL);
    }

    private static Schema orNull(Schema schema) {
        return OASFactory.createSchema()
                .anyOf(List.of(schema, OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
    }
}
