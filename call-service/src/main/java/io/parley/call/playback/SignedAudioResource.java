package io.parley.call.playback;

import java.io.IOException;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.parley.call.encryption.CallerDataKeys;
import io.parley.call.encryption.DataKeyOpener;
import io.parley.call.encryption.EncryptKeyReplica;
import io.parley.common.api.ApiIds;
import io.parley.common.api.openapi.ApiDocument;
import io.quarkus.security.ForbiddenException;

/**
 * {@code GET /calls/file/{call_id}/signed}: a signed playback URL from {@code file_url.json}, served to whoever holds it
 * (a browser's audio element) exactly as the authenticated download would be, Range included. The signature is the
 * credential: altered or expired is {@code 403}. The gateway routes this path without Basic authentication.
 */
@Tag(name = "Calls", description = "Reference 3.1")
@Path("/calls/file")
public class SignedAudioResource {

    private final Playback playback;
    private final SignedUrls signedUrls;
    private final EncryptKeyReplica encryptKeys;

    SignedAudioResource(Playback playback, SignedUrls signedUrls, EncryptKeyReplica encryptKeys) {
        this.playback = playback;
        this.signedUrls = signedUrls;
        this.encryptKeys = encryptKeys;
    }

    @Operation(operationId = "play_signed", summary = "The call's audio by a signed URL from file_url.json", description = "Not under /api/v2 and without Basic authentication: the signature is the credential. Use the URL as file_url.json gave it; its parameters are not to be made by hand.")
    @SecurityRequirements({})
    @APIResponse(responseCode = "200", description = "The audio; without file_id, the call's files one after another", content = @Content(mediaType = "audio/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The part of the audio a Range header asked for", content = @Content(mediaType = "audio/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "416", description = "A Range outside the audio")
    @APIResponse(responseCode = "403", description = "Expired, or altered", content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT, description = "The recording's encryption key was deleted since the URL was signed (EncryptionKeyDeleted)")
    @GET
    @Path("{callId}/signed")
    @PermitAll
    public Response signed(@PathParam("callId") String callId, @QueryParam("file_id") String fileId,
            @QueryParam("expires") String expires, @QueryParam("keys") String dataKeys,
            @QueryParam("key") String key, @QueryParam("sign") String sign, @HeaderParam("Range") String range,
            @Context Request request) throws IOException {
        DataKeyOpener carried = ApiIds.parse(callId).flatMap(call -> signedUrls.verify(call, Playback.fileId(fileId),
                expires, key, Optional.ofNullable(dataKeys), sign)).orElseThrow(ForbiddenException::new);
        // the URL carries its data keys, but a key deleted since it was made decrypts nothing any more
        DataKeyOpener opener = (file, wrapped) -> {
            if (encryptKeys.deleted(wrapped.keyId())) {
                throw CallerDataKeys.keyDeleted();
            }
            return carried.open(file, wrapped);
        };
        return playback.serve(playback.playableBySignedUrl(callId, Playback.fileId(fileId)), opener, range,
                request.getMethod());
    }
}
