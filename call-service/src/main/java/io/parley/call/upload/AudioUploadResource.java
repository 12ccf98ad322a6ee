package io.parley.call.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.parley.call.recorder.Recorders;
import io.parley.call.storage.AudioFormat;
import io.parley.common.api.ApiIds;
import io.parley.common.api.error.ApiError;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.openapi.ApiDocument;
import io.parley.common.security.Caller;
import io.quarkus.security.PermissionsAllowed;

/**
 * {@code PUT /recorder/v1/calls/{call_id}/files/{file_id}}: a recorder uploads a file's audio, the raw bytes with the
 * format's {@code Content-Type}, before or after its events (docs/audio.md). {@code 201} for a new file, {@code 200}
 * for a new upload of one, with the size and SHA-1 Parley measured and how they compare with the recorder's report.
 * A tenant's recorder uploads only for its tenant's calls ({@link Recorders}); another's is {@code 404}.
 */
@Tag(name = "Recorders", description = "What recorders send: call events and audio (docs/recorder-events.md, docs/audio.md)")
@APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
@APIResponse(responseCode = "429", ref = ApiDocument.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
@Path("/recorder/v1/calls")
public class AudioUploadResource {

    /** The file ids a recorder may upload: what fits a URL path segment and a log line without escaping. */
    private static final Pattern FILE_ID = Pattern.compile("^[A-Za-z0-9._~-]{1,128}$");

    private final AudioUploads uploads;
    private final Recorders recorders;
    private final Caller caller;

    AudioUploadResource(AudioUploads uploads, Recorders recorders, Caller caller) {
        this.uploads = uploads;
        this.recorders = recorders;
        this.caller = caller;
    }

    @Operation(operationId = "upload_audio", summary = "Store a file of a call's audio", description = "The body is the audio, its Content-Type one of audio/mpeg, audio/wav, audio/ogg, audio/opus, audio/flac (docs/audio.md).")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "file", properties = @SchemaProperty(name = "file", ref = "StoredAudioFile"))))
    @APIResponse(responseCode = "200", description = "The same audio was stored already", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "file", properties = @SchemaProperty(name = "file", ref = "StoredAudioFile"))))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "413", description = "Longer than the largest audio file taken", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @PUT
    @Path("{callId}/files/{fileId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("recorder:publish")
    public Response upload(@PathParam("callId") String callId, @PathParam("fileId") String fileId,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody(required = true, content = @Content(mediaType = "audio/*", schema = @Schema(type = SchemaType.STRING, format = "binary"))) InputStream body)
            throws IOException {
        UUID call = ApiIds.parse(callId).orElseThrow(() -> ApiException.invalidField("call_id", "invalid",
                "must be a UUID"));
        if (!FILE_ID.matcher(fileId).matches()) {
            throw ApiException.invalidField("file_id", "invalid",
                    "must be 1 to 128 letters, digits, '.', '_', '~' or '-'");
        }
        AudioFormat format = AudioFormat.ofMediaType(contentType).orElseThrow(() -> new ApiException(415,
                ApiError.of("UnsupportedMediaType", "Content-Type must be one of " + AudioFormat.accepted())));
        // a call another tenant's: not found, as a deleted call, and its audio untouched
        AudioUploads.Stored stored = uploads.upload(call, fileId, format, body, recorders.tenantOf(caller))
                .orElseThrow(() -> ApiException.notFound("Call"));
        return Response.status(stored.created() ? 201 : 200).entity(new StoredAudioFile.Document(new StoredAudioFile(
                call, fileId, stored.upload().size(), stored.upload().watermark(), stored.integrity()))).build();
    }
}
