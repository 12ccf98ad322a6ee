package io.parley.call.call;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.parley.common.api.openapi.ApiDocument;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The call, participant and file objects of the OpenAPI document ({@code Call}, {@code CallParticipant},
 * {@code CallFile}) and a page of calls ({@code CallPage}), made from {@link CallFields}, the list
 * {@link CallDocuments} answers from, so that the document shows every field the API serves and no other. Every field
 * is {@code null} where unknown. Also what a recorder hears back for an audio file it uploads ({@code StoredAudioFile},
 * media/AudioUploadResource).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CallSchemas implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        List<Field> participant = new ArrayList<>();
        participant.add(Field.of("participant_id", Field.Kind.TEXT));
        participant.add(Field.of("user_id", Field.Kind.UUID));
        participant.addAll(CallFields.PARTICIPANT);
        List<Field> file = new ArrayList<>();
        file.add(Field.of("file_id", Field.Kind.TEXT));
        file.add(Field.of("file_path", Field.Kind.TEXT));
        file.addAll(CallFields.FILE);

        Schema call = object("A call (reference 3.1.1)", CallFields.DOCUMENT)
                .addProperty("participants", list("CallParticipant"))
                .addProperty("files", list("CallFile"));
        call.addRequired("participants").addRequired("files");
        openAPI.getComponents()
                .addSchema("Call", call)
                .addSchema("CallParticipant", object("A participant of a call (reference 3.1.3)", participant))
                .addSchema("CallFile", object("A file of a call's audio (reference 3.1.2)", file))
                .addSchema("CallPage", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .addProperty("calls", list("Call"))
                        .addProperty("next_url", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .addType(Schema.SchemaType.NULL).description("The next page, or null on the last"))
                        .addProperty("total", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                                .description("Every matching call: on the last page, or up to start + max_total_calc"))
                        .addRequired("calls").addRequired("next_url"))
                .addSchema("StoredAudioFile", object("An audio file as stored (docs/audio.md)", List.of(
                        Field.of("call_id", Field.Kind.UUID), Field.of("file_id", Field.Kind.TEXT),
                        Field.of("file_size", Field.Kind.LONG), Field.of("watermark", Field.Kind.TEXT),
                        Field.of("integrity", Field.Kind.TEXT))));
    }

    /** An object with every field present, as the API writes them. */
    private static Schema object(String description, List<Field> fields) {
        Schema object = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
        for (Field field : fields) {
            object.addProperty(field.name(), schema(field)).addRequired(field.name());
        }
        return object;
    }

    private static Schema list(String item) {
        return OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().ref(item));
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
        }
        return schema.addType(Schema.SchemaType.NULL);
    }

    private static Schema orNull(Schema schema) {
        return OASFactory.createSchema()
                .anyOf(List.of(schema, OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
    }
}
