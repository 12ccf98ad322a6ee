package io.parley.call.playback;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;

/**
 * Several files served one after the other as one (reference 3.1.7: a call's files "concatenated on the fly"). A
 * range that spans a join reads the end of one file and the start of the next; each part is opened only when the
 * stream reaches it.
 */
record ConcatenatedAudio(List<AudioSource> parts) implements AudioSource {

    @Override
    public long length() {
        return parts.stream().mapToLong(AudioSource::length).sum();
    }

    @Override
    public InputStream open(long offset, long length) throws IOException {
        List<Slice> slices = new ArrayList<>();
        long start = 0;
        long end = offset + length;
        for (AudioSource part : parts) {
            long partEnd = start + part.length();
            long from = Math.max(offset, start);
            long to = Math.min(end, partEnd);
            if (from < to) {
                slices.add(new Slice(part, from - start, to - from));
            }
            start = partEnd;
        }
        if (slices.isEmpty()) {
            return InputStream.nullInputStream();
        }
        InputStream first = slices.get(0).open(); // a storage failure here still gets the caller an error status
        Iterator<Slice> rest = slices.subList(1, slices.size()).iterator();
        return new SequenceInputStream(new Enumeration<>() {
            private boolean firstGiven;

            @Override
            public boolean hasMoreElements() {
                return !firstGiven || rest.hasNext();
            }

            @Override
            public InputStream nextElement() {
                if (!firstGiven) {
                    firstGiven = true;
                    return first;
                }
                try {
                    return rest.next().open();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    static AudioSource of(List<AudioSource> parts) {
        return parts.size() == 1 ? parts.get(0) : new ConcatenatedAudio(Collections.unmodifiableList(parts));
    }

    private record Slice(AudioSource source, long offset, long length) {

        InputStream open() throws IOException {
            return source.open(offset, length);
        }
    }
}
