package io.parley.common.embedded;

import java.util.concurrent.ThreadLocalRandom;

/** Text for tests of size bounds: the kind that takes the most room where it is stored. */
public final class RandomText {

    private RandomText() {
    }

    /**
     * Random CJK ideographs, three bytes each in UTF-8: as incompressible as text gets, so that PostgreSQL cannot
     * shrink it to fit an index entry.
     */
    public static String cjk(int characters) {
        return ThreadLocalRandom.current().ints(characters, 0x4E00, 0x9FFF + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
