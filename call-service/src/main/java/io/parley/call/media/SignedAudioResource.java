package io.parley.call.media;

import java.io.IOException;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import io.parley.call.encryption.CallerDataKeys;
import io.parley.call.encryption.DataKeyOpener;
import io.parley.call.encryption.EncryptKeyReplica;
import io.parley.call.search.SqlCondition;
import io.parley.common.api.ApiIds;
import io.quarkus.security.ForbiddenException;

/**
 * {@code GET /calls/file/{call_id}/signed}: a signed playback URL from {@code file_url.json}, served to whoever holds it
 * (a browser's audio element) exactly as the authenticated download would be, Range included. The signature is the
 * credential: altered or expired is {@code 403}. The gateway routes this path without Basic authentication.
 */
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
        // the scope was the signer's: whoever could ask for the URL could play the call back
        return playback.serve(playback.playable(SqlCondition.TRUE, callId, Playback.fileId(fileId)), opener, range,
                request.getMethod());
    }
}
