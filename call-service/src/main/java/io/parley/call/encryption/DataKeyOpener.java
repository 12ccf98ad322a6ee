package io.parley.call.encryption;

/** Opens encrypted files' data keys for one playback, on behalf of whoever asked for it. */
@FunctionalInterface
public interface DataKeyOpener {

    /** The data key of the file; an error status when it may not or cannot be opened. */
    AudioEncryption.DataKey open(String fileId, WrappedDataKey key);
}
