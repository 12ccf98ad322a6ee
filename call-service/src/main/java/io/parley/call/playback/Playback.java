package io.parley.call.playback;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.logging.Logger;

import io.parley.call.encryption.DataKeyOpener;
import io.parley.call.file.AudioFiles;
import io.parley.call.file.StoredFile;
import io.parley.common.api.ApiIds;
import io.parley.common.api.error.ApiException;
import io.parley.common.sql.Sql;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * What the authenticated download and the signed URL both serve (reference 3.1.7): a call's file, or all its files
 * one after the other, whole or one {@code Range} of it, read through {@link AudioSources}.
 */
@ApplicationScoped
public class Playback {

    private static final Logger LOG = Logger.getLogger(Playback.class);

    private final AudioFiles files;
    private final AudioSources sources;
    private final CurrentVertxRequest currentRequest;
    private final PlaybackMetrics metrics;

    Playback(AudioFiles files, AudioSources sources, CurrentVertxRequest currentRequest, PlaybackMetrics metrics) {
        this.files = files;
        this.sources = sources;
        this.currentRequest = currentRequest;
        this.metrics = metrics;
    }

    /** The files to serve: 404 for a call outside the scope, an unknown file, or a call without audio. */
    public List<StoredFile> playable(Sql scope, String callId, Optional<String> fileId) {
        List<StoredFile> stored = ApiIds.parse(callId).flatMap(id -> files.stored(scope, id, fileId))
                .orElseThrow(() -> ApiException.notFound("Call"));
        if (stored.isEmpty()) {
            throw ApiException.notFound("File");
        }
        return stored;
    }

    /**
     * The files a verified signed URL plays: the scope was its signer's, so whoever could ask for the URL plays the
     * call back.
     */
    public List<StoredFile> playableBySignedUrl(String callId, Optional<String> fileId) {
        return playable(Sql.TRUE, callId, fileId);
    }

    /**
     * {@code 200} with the whole, {@code 206} with the range asked for, or {@code 416}; always {@code Accept-Ranges},
     * and the body's {@code Content-Length}, so that a player shows progress and a proxy can pass the length on (sent
     * unchunked: see {@link DeclaredContentLength}). Encrypted files are decrypted with data keys opened by
     * {@code keys}. For {@code HEAD} ({@code method}), the same head and no body: the audio is not opened, as nothing
     * would read and close it.
     */
    public Response serve(List<StoredFile> stored, DataKeyOpener keys, String rangeHeader, String method)
            throws IOException {
        long start = System.nanoTime();
        boolean withBody = !HttpMethod.HEAD.equals(method);
        AudioSource source = sources.of(stored, keys);
        long length = source.length();
        ByteRange.Requested requested = ByteRange.of(rangeHeader, length);
        Response.ResponseBuilder response;
        if (requested instanceof ByteRange.Unsatisfiable) {
            return Response.status(416).header("Accept-Ranges", "bytes").header("Content-Range", "bytes */" + length)
                    .build();
        } else if (requested instanceof ByteRange.Satisfiable satisfiable) {
            ByteRange range = satisfiable.range();
            response = Response.status(206).entity(body(source, range.first(), range.length(), withBody, start))
                    .header(HttpHeaders.CONTENT_LENGTH, range.length())
                    .header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + length);
        } else {
            response = Response.ok(body(source, 0, length, withBody, start)).header(HttpHeaders.CONTENT_LENGTH, length);
        }
        return response.type(stored.get(0).format().mediaType()).header("Accept-Ranges", "bytes").build();
    }

    /**
     * Opened now, so that a storage failure is an error status rather than a cut-off body. Written on the request's
     * worker thread through Quarkus REST's output stream, which waits while the connection's write queue is full: a
     * slow client holds the reading back, not the whole file in memory. A body that cannot be read to its end (a
     * segment of an encrypted file that fails its check, a stored object shorter than recorded, storage failing midway)
     * closes the connection where it fails: the client sees the body cut off, not audio that is not the file's, and
     * is not left waiting for bytes that will never come. The bytes written, and when the first was, are measured
     * ({@link PlaybackMetrics}) from {@code startNanos}.
     */
    private StreamingOutput body(AudioSource source, long offset, long length, boolean withBody, long startNanos)
            throws IOException {
        InputStream in = length == 0 || !withBody ? InputStream.nullInputStream() : source.open(offset, length);
        HttpServerResponse connection = withBody ? currentRequest.getCurrent().response() : null;
        return out -> {
            byte[] buffer = new byte[64 * 1024];
            long remaining = withBody ? length : 0;
            try (in) {
                while (remaining > 0) {
                    int read = readOrAbort(in, buffer, (int) Math.min(buffer.length, remaining), connection);
                    out.write(buffer, 0, read);
                    if (remaining == length) {
                        metrics.firstByteSince(startNanos);
                    }
                    metrics.served(read);
                    remaining -= read;
                }
            }
        };
    }

    private static int readOrAbort(InputStream in, byte[] buffer, int length, HttpServerResponse connection)
            throws IOException {
        IOException failure;
        try {
            int read = in.read(buffer, 0, length);
            if (read > 0) {
                return read;
            }
            failure = new IOException("The stored audio ended before its recorded length");
        } catch (IOException e) {
            failure = e;
        }
        LOG.warnf("Playback cut off: %s", failure.getMessage());
        connection.reset(); // HTTP/1.1: the connection is closed
        throw failure;
    }

    /** A {@code file_id} parameter: absent or empty means every file. */
    public static Optional<String> fileId(String parameter) {
        return parameter == null || parameter.isEmpty() ? Optional.empty() : Optional.of(parameter);
    }
}
