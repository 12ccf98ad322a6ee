package io.parley.call.playback;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.parley.call.access.CallScope;
import io.parley.call.encryption.AudioEncryption;
import io.parley.call.encryption.CallerDataKeys;
import io.parley.call.encryption.DataKeyOpener;
import io.parley.call.file.StoredFile;
import io.parley.call.storage.AudioConfig;
import io.parley.common.api.crypto.KeySecret;
import io.parley.common.api.error.ApiError;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.openapi.ApiDocument;
import io.parley.common.security.Caller;
import io.quarkus.security.PermissionsAllowed;

/**
 * Reference 3.1.7, playback for API users (docs/audio.md): the call's audio itself ({@code .../file}, method 2), or a
 * signed URL to it ({@code .../file_url.json}, method 1) that {@link SignedAudioResource} serves without credentials.
 */
@Tag(name = "Calls", description = "Reference 3.1")
@APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
@APIResponse(responseCode = "429", ref = ApiDocument.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
@Path("/api/v2")
public class AudioResource {

    private final Playback playback;
    private final SignedUrls signedUrls;
    private final CallerDataKeys dataKeys;
    private final AudioConfig config;
    private final Caller caller;

    AudioResource(Playback playback, SignedUrls signedUrls, CallerDataKeys dataKeys, AudioConfig config,
            Caller caller) {
        this.playback = playback;
        this.signedUrls = signedUrls;
        this.dataKeys = dataKeys;
        this.config = config;
        this.caller = caller;
    }

    @Operation(operationId = "play_call", summary = "The call's audio")
    @APIResponse(responseCode = "200", description = "The audio; without file_id, the call's files one after another", content = @Content(mediaType = "audio/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The part of the audio a Range header asked for", content = @Content(mediaType = "audio/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "416", description = "A Range outside the audio")
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT, description = "The recording is encrypted to a key imported without its private key (NoPrivateKey), or to a deleted key (EncryptionKeyDeleted)")
    @GET
    @Path("calls/{callId}.json/file")
    @PermissionsAllowed({ "calls:playback", "calls_own:playback" })
    public Response file(@PathParam("callId") String callId,
            @Parameter(description = "One file of the call") @QueryParam("file_id") String fileId,
            @HeaderParam("Range") String range,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(hidden = true) @HeaderParam(KeySecret.HEADER) String keySecret, @Context Request request)
            throws IOException {
        return playback.serve(playback.playable(CallScope.of(caller, CallScope.PLAYBACK), callId,
                Playback.fileId(fileId)), dataKeys.of(caller.userId(), authorization, keySecret), range, request.getMethod());
    }

    @Operation(operationId = "call_file_url", summary = "A signed URL to the call's audio, playable without credentials until it expires")
    @APIResponse(responseCode = "200", description = "The signed URL", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "signed_url", properties = @SchemaProperty(name = "signed_url", type = SchemaType.STRING))))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT, description = "The recording is encrypted to a key imported without its private key (NoPrivateKey), or to a deleted key (EncryptionKeyDeleted)")
    @GET
    @Path("calls/{callId}.json/file_url.json")
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed({ "calls:playback", "calls_own:playback" })
    public SignedUrl fileUrl(@PathParam("callId") String callId,
            @Parameter(description = "One file of the call") @QueryParam("file_id") String fileId,
            @Parameter(description = "The URL's lifetime in seconds") @QueryParam("expires") String expires,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(hidden = true) @HeaderParam(KeySecret.HEADER) String keySecret, @Context UriInfo uri) {
        long lifetime = lifetime(expires);
        if (!signedUrls.configured()) {
            throw new ApiException(503, ApiError.of("ServiceUnavailable",
                    "Signed URLs are not configured (parley.audio.signed-urls.keys)"));
        }
        // the caller may play it back, and there is audio to play: else 404 now rather than a URL that never works
        List<StoredFile> stored = playback.playable(CallScope.of(caller, CallScope.PLAYBACK), callId,
                Playback.fileId(fileId));
        // encrypted files: opened now, for this caller (403 without access to the key), and carried in the URL
        DataKeyOpener opener = dataKeys.of(caller.userId(), authorization, keySecret);
        Map<String, AudioEncryption.DataKey> keys = new LinkedHashMap<>();
        stored.forEach(file -> file.encryption().ifPresent(key -> keys.put(file.fileId(),
                opener.open(file.fileId(), key))));
        URI base = config.signedUrls().baseUrl().orElse(uri.getBaseUri());
        return new SignedUrl(signedUrls.sign(base, UUID.fromString(callId), Playback.fileId(fileId),
                signedUrls.now() + lifetime, keys).toString());
    }

    /** {@code expires}: the URL's lifetime in seconds, at most the configured maximum (else 400, not capped). */
    private long lifetime(String expires) {
        if (expires == null || !expires.matches("\\d{1,9}") || Long.parseLong(expires) == 0) {
            throw ApiException.invalidParameter("expires", "must be the URL's lifetime in seconds, at least 1");
        }
        long seconds = Long.parseLong(expires);
        long max = config.signedUrls().maxLifetime().toSeconds();
        if (seconds > max) {
            throw ApiException.invalidParameter("expires", "must be at most " + max + " seconds");
        }
        return seconds;
    }

    /** The answer of {@code file_url.json}: {@code {"signed_url": "..."}}. */
    public record SignedUrl(String signedUrl) {
    }
}
