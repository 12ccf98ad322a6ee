package io.parley.call.storage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The audio and video formats recorders upload, by the {@code Content-Type} they are uploaded and served with. */
public enum AudioFormat {
    MP3("mp3", "audio/mpeg", "audio/mp3"),
    WAV("wav", "audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"),
    OGG("ogg", "audio/ogg"),
    OPUS("opus", "audio/opus"),
    FLAC("flac", "audio/flac", "audio/x-flac"),
    M4A("m4a", "audio/mp4", "audio/x-m4a"),
    WEBM("webm", "audio/webm"),
    MP4("mp4", "video/mp4");

    private final String extension;
    private final List<String> mediaTypes;

    AudioFormat(String extension, String... mediaTypes) {
        this.extension = extension;
        this.mediaTypes = List.of(mediaTypes);
    }

    public String extension() {
        return extension;
    }

    /** The type a download is served with. */
    public String mediaType() {
        return mediaTypes.get(0);
    }

    /** The format of an upload's {@code Content-Type} (parameters ignored). */
    public static Optional<AudioFormat> ofMediaType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.mediaTypes.contains(type)).findFirst();
    }

    public static Optional<AudioFormat> ofExtension(String extension) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(extension)).findFirst();
    }

    /** Every accepted upload type, for the {@code 415} answer. */
    public static String accepted() {
        return String.join(", ", Arrays.stream(values()).flatMap(format -> format.mediaTypes.stream()).toList());
    }
}
