package io.parley.call.upload;

import java.util.UUID;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import io.parley.call.field.ContractSchemas;
import io.parley.call.field.RecordType;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * An audio file as stored, what a recorder hears back for an upload (docs/audio.md): its size and SHA-1 watermark
 * as measured, and its {@code integrity} against what the recorder reported.
 */
public record StoredAudioFile(UUID callId, String fileId, Long fileSize, String watermark, String integrity) {

    /** The answer's body: the file under its singular name. */
    public record Document(StoredAudioFile file) {
    }

    /** The OpenAPI document's {@code StoredAudioFile}, made from the record's fields. */
    @OpenApiFilter(OpenApiFilter.RunStage.BUILD)
    public static class Schema implements OASFilter {

        @Override
        public void filterOpenAPI(OpenAPI openAPI) {
            openAPI.getComponents().addSchema("StoredAudioFile", ContractSchemas.object(
                    "An audio file as stored (docs/audio.md)", RecordType.of(StoredAudioFile.class).fields()));
        }
    }
}
