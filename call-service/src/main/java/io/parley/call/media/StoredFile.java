package io.parley.call.media;

/** A file of a call whose audio is stored: where, in which format, how long. */
public record StoredFile(String fileId, String storageKey, AudioFormat format, long size) {
}
