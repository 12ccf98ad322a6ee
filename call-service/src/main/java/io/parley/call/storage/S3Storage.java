package io.parley.call.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Audio in a bucket of S3 or an S3-compatible service. An upload of unknown length is sent in parts of a fixed size
 * (a multipart upload), so that no more than one part is in memory; a file smaller than a part is one PUT.
 */
public final class S3Storage implements AudioStorage {

    private final S3Client client;
    private final String bucket;
    private final int partSize;

    public S3Storage(S3Client client, String bucket, int partSize) {
        this.client = client;
        this.bucket = bucket;
        this.partSize = partSize;
    }

    @Override
    public void write(String key, InputStream bytes) throws IOException {
        byte[] part = bytes.readNBytes(partSize);
        try {
            if (part.length < partSize) {
                client.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromBytes(part));
                return;
            }
            writeInParts(key, part, bytes);
        } catch (SdkException e) {
            throw new IOException("Storing " + key + " in bucket " + bucket + " failed", e);
        }
    }

    private void writeInParts(String key, byte[] first, InputStream rest) throws IOException {
        String upload = client.createMultipartUpload(create -> create.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] part = first;
            while (part.length > 0) {
                int number = parts.size() + 1;
                byte[] body = part;
                String etag = client.uploadPart(request -> request.bucket(bucket).key(key).uploadId(upload)
                        .partNumber(number), RequestBody.fromBytes(body)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                part = rest.readNBytes(partSize);
            }
            client.completeMultipartUpload(complete -> complete.bucket(bucket).key(key).uploadId(upload)
                    .multipartUpload(done -> done.parts(parts)));
        } catch (IOException | RuntimeException e) {
            try {
                client.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(upload));
            } catch (SdkException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    @Override
    public InputStream read(String key, long offset, long length) throws IOException {
        try {
            return client.getObject(get -> get.bucket(bucket).key(key)
                    .range("bytes=" + offset + "-" + (offset + length - 1)));
        } catch (SdkException e) {
            throw new IOException("Reading " + key + " from bucket " + bucket + " failed", e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(delete -> delete.bucket(bucket).key(key));
        } catch (NoSuchKeyException gone) {
            // deleted before
        } catch (SdkException e) {
            throw new IOException("Deleting " + key + " from bucket " + bucket + " failed", e);
        }
    }

    @Override
    public String location(String key) {
        return "s3://" + bucket + "/" + key;
    }
}
