package io.parley.call.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import io.parley.call.access.CallScope;
import io.parley.call.search.SqlCondition;
import io.parley.common.api.ApiIds;
import io.parley.common.api.error.ApiError;
import io.parley.common.api.error.ApiException;
import io.parley.common.security.Caller;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.PermissionsAllowed;

/**
 * Audio files (docs/audio.md): recorders upload them ({@code PUT /recorder/v1/calls/{call_id}/files/{file_id}}); API
 * users play them back (reference 3.1.7): {@code GET /api/v2/calls/{call_id}.json/file} (method 2), or through a
 * signed URL from {@code file_url.json} that {@code GET /calls/file/{call_id}/signed} serves without credentials
 * (method 1). Downloads honour one {@code Range}; without {@code file_id} the call's files are served as one.
 */
@Path("/")
public class AudioResource {

    /** The file ids a recorder may upload: what fits a URL path segment and a log line without escaping. */
    private static final Pattern FILE_ID = Pattern.compile("^[A-Za-z0-9._~-]{1,128}$");

    private final AudioUploads uploads;
    private final AudioFiles files;
    private final AudioSources sources;
    private final SignedUrls signedUrls;
    private final AudioConfig config;
    private final Caller caller;

    AudioResource(AudioUploads uploads, AudioFiles files, AudioSources sources, SignedUrls signedUrls,
            AudioConfig config, Caller caller) {
        this.uploads = uploads;
        this.files = files;
        this.sources = sources;
        this.signedUrls = signedUrls;
        this.config = config;
        this.caller = caller;
    }

    @PUT
    @Path("recorder/v1/calls/{callId}/files/{fileId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("recorder:publish")
    public Response upload(@PathParam("callId") String callId, @PathParam("fileId") String fileId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) throws IOException {
        UUID call = ApiIds.parse(callId).orElseThrow(() -> ApiException.invalidField("call_id", "invalid",
                "must be a UUID"));
        if (!FILE_ID.matcher(fileId).matches()) {
            throw ApiException.invalidField("file_id", "invalid",
                    "must be 1 to 128 letters, digits, '.', '_', '~' or '-'");
        }
        AudioFormat format = AudioFormat.ofMediaType(contentType).orElseThrow(() -> new ApiException(415,
                ApiError.of("UnsupportedMediaType", "Content-Type must be one of " + AudioFormat.accepted())));
        AudioUploads.Stored stored = uploads.upload(call, fileId, format, body)
                .orElseThrow(() -> ApiException.notFound("Call"));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("call_id", call);
        file.put("file_id", fileId);
        file.put("file_size", stored.upload().size());
        file.put("watermark", stored.upload().watermark());
        file.put("integrity", stored.integrity());
        return Response.status(stored.created() ? 201 : 200).entity(Map.of("file", file)).build();
    }

    @GET
    @Path("api/v2/calls/{callId}.json/file")
    @PermissionsAllowed({ "calls:playback", "calls_own:playback" })
    public Response download(@PathParam("callId") String callId, @QueryParam("file_id") String fileId,
            @HeaderParam("Range") String range) throws IOException {
        return serve(playable(CallScope.of(caller, CallScope.PLAYBACK), callId, fileId), range);
    }

    @GET
    @Path("api/v2/calls/{callId}.json/file_url.json")
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed({ "calls:playback", "calls_own:playback" })
    public Map<String, Object> fileUrl(@PathParam("callId") String callId, @QueryParam("file_id") String fileId,
            @QueryParam("expires") String expires, @Context UriInfo uri) {
        long lifetime = lifetime(expires);
        if (!signedUrls.configured()) {
            throw new ApiException(503, ApiError.of("ServiceUnavailable",
                    "Signed URLs are not configured (parley.audio.signed-urls.keys)"));
        }
        playable(CallScope.of(caller, CallScope.PLAYBACK), callId, fileId); // 404 unless there is audio to serve
        URI base = config.signedUrls().baseUrl().orElse(uri.getBaseUri());
        URI signed = signedUrls.sign(base, UUID.fromString(callId), present(fileId), signedUrls.now() + lifetime);
        return Map.of("signed_url", signed.toString());
    }

    @GET
    @Path("calls/file/{callId}/signed")
    @PermitAll // the signature is the credential
    public Response signed(@PathParam("callId") String callId, @QueryParam("file_id") String fileId,
            @QueryParam("expires") String expires, @QueryParam("key") String key, @QueryParam("sign") String sign,
            @HeaderParam("Range") String range) throws IOException {
        Optional<UUID> call = ApiIds.parse(callId);
        if (call.isEmpty() || !signedUrls.verify(call.get(), present(fileId), expires, key, sign)) {
            throw new ForbiddenException();
        }
        return serve(playable(SqlCondition.TRUE, callId, fileId), range);
    }

    /** The files to serve: 404 for a call outside the scope, an unknown file, or a call without audio. */
    private List<StoredFile> playable(SqlCondition scope, String callId, String fileId) {
        List<StoredFile> stored = ApiIds.parse(callId).flatMap(id -> files.stored(scope, id, present(fileId)))
                .orElseThrow(() -> ApiException.notFound("Call"));
        if (stored.isEmpty()) {
            throw ApiException.notFound("File");
        }
        return stored;
    }

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

    private Response serve(List<StoredFile> stored, String rangeHeader) throws IOException {
        AudioSource source = sources.of(stored);
        long length = source.length();
        Response.ResponseBuilder response;
        ByteRange.Requested requested = ByteRange.of(rangeHeader, length);
        if (requested instanceof ByteRange.Unsatisfiable) {
            return Response.status(416).header("Accept-Ranges", "bytes").header("Content-Range", "bytes */" + length)
                    .build();
        } else if (requested instanceof ByteRange.Satisfiable satisfiable) {
            ByteRange range = satisfiable.range();
            response = Response.status(206).entity(body(source, range.first(), range.length()))
                    .header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + length)
                    .header(HttpHeaders.CONTENT_LENGTH, range.length());
        } else {
            response = Response.ok(body(source, 0, length)).header(HttpHeaders.CONTENT_LENGTH, length);
        }
        return response.type(stored.get(0).format().mediaType()).header("Accept-Ranges", "bytes").build();
    }

    /** Opened now, so that a storage failure is an error status rather than a cut-off body. */
    private static StreamingOutput body(AudioSource source, long offset, long length) throws IOException {
        InputStream in = length == 0 ? InputStream.nullInputStream() : source.open(offset, length);
        return out -> {
            try (in) {
                in.transferTo(out);
            }
        };
    }

    private static Optional<String> present(String fileId) {
        return fileId == null || fileId.isEmpty() ? Optional.empty() : Optional.of(fileId);
    }
}
