package io.parley.call.call;

import static io.parley.call.field.ContractSchemas.list;
import static io.parley.call.field.ContractSchemas.object;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.parley.call.field.CallFields;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The call, participant and file objects of the OpenAPI document ({@code Call}, {@code CallParticipant},
 * {@code CallFile}) and a page of calls ({@code CallPage}), made from the contract records' fields, so that the
 * document shows every field the API serves and no other.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CallSchemas implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Schema call = object("A call (reference 3.1.1)", CallFields.CALL.fieldsBut("participants", "files"))
                .addProperty("participants", list("CallParticipant"))
                .addProperty("files", list("CallFile"));
        call.addRequired("participants").addRequired("files");
        openAPI.getComponents()
                .addSchema("Call", call)
                .addSchema("CallParticipant",
                        object("A participant of a call (reference 3.1.3)", CallFields.PARTICIPANT.fields()))
                .addSchema("CallFile", object("A file of a call's audio (reference 3.1.2)", CallFields.FILE.fields()))
                .addSchema("CallPage", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .addProperty("calls", list("Call"))
                        .addProperty("next_url", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .addType(Schema.SchemaType.NULL).description("The next page, or null on the last"))
                        .addProperty("total", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                                .description("Every matching call: on the last page, or up to start + max_total_calc"))
                        .addRequired("calls").addRequired("next_url"));
    }
}
