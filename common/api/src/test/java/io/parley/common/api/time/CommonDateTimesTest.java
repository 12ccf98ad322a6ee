package io.parley.common.api.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The shortcut for common date-times must mean exactly what the formatters mean, or step aside. */
class CommonDateTimesTest {

    private static final Random RANDOM = new Random(20261129);

    @Test
    void readsWhatTheFormatterReadsAsWritten() {
        for (String text : List.of("2014-06-10T13:45:51+0800", "2014-06-10T13:45:51+08:00", "2014-06-10T13:45:51Z",
                "2014-06-10T13:45:51.123456789-05:30", "2024-02-29T23:59:59.5Z", "0000-01-01T00:00:00+18:00",
                "2014-06-10T13:45:51-00:00", "2014-06-10T13:45:51-1800")) {
            assertNotNull(CommonDateTimes.parse(text), text);
            assertEquals(OffsetDateTime.parse(text, ApiDateTimes.PARSE), CommonDateTimes.parse(text), text);
        }
    }

    @Test
    void leavesToTheFormatterWhatItResolvesOrRefuses() {
        for (String text : List.of("2023-02-29T10:00:00Z", "2014-04-31T10:00:00Z", "2014-06-10T24:00:00Z",
                "2014-06-10T13:45:60Z", "2014-06-10T13:45:51.Z", "2014-06-10T13:45:51.1234567891Z",
                "2014-06-10T13:45:51+18:01", "2014-06-10T13:45:51+1900", "2014-06-10T13:45:51+08",
                "2014-06-10T13:45:51z", "2014-06-10t13:45:51Z", "2014-06-10T13:45:51", "2014-06-10T13:45:51ZZ",
                "+2014-06-10T13:45:51Z", "12014-06-10T13:45:51Z", "2014-6-10T13:45:51Z", "2014-06-10T13:45:51+08:60",
                "2014-06-10 13:45:51Z", "2014-06-10T13:45:51+08:00 ", "")) {
            assertNull(CommonDateTimes.parse(text), text);
        }
    }

    @Test
    void agreesWithTheFormatterOnRandomTexts() {
        int read = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = randomText();
            OffsetDateTime common = CommonDateTimes.parse(text);
            if (common != null) {
                assertEquals(OffsetDateTime.parse(text, ApiDateTimes.PARSE), common, text);
                read++;
            }
        }
        assertTrue(read > 1_000, "too few texts took the shortcut to compare: " + read);
    }

    @Test
    void writesWhatTheFormatterWrites() {
        List<OffsetDateTime> values = new ArrayList<>(List.of(
                OffsetDateTime.of(2014, 6, 10, 13, 45, 51, 999_999_999, ZoneOffset.ofHours(8)),
                OffsetDateTime.of(2014, 6, 10, 13, 45, 51, 0, ZoneOffset.UTC),
                OffsetDateTime.of(1000, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(-5, -30)),
                OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.ofTotalSeconds(-30)),
                OffsetDateTime.of(2014, 6, 10, 13, 45, 51, 0, ZoneOffset.ofHoursMinutesSeconds(5, 30, 15))));
        for (int i = 0; i < 20_000; i++) {
            values.add(OffsetDateTime.of(1000 + RANDOM.nextInt(9000), 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28),
                    RANDOM.nextInt(24), RANDOM.nextInt(60), RANDOM.nextInt(60), RANDOM.nextInt(1_000_000_000),
                    ZoneOffset.ofTotalSeconds(RANDOM.nextInt(2 * 18 * 3600 + 1) - 18 * 3600)));
        }
        for (OffsetDateTime value : values) {
            assertEquals(ApiDateTimes.FORMAT.format(value), CommonDateTimes.format(value), value.toString());
        }
        assertNull(CommonDateTimes.format(OffsetDateTime.of(999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        assertNull(CommonDateTimes.format(OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        assertEquals("0999-01-01T00:00:00+0000",
                ApiDateTimes.format(OffsetDateTime.of(999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
    }

    /** Mostly well-formed texts with values near and past every limit, some with a character changed. */
    private static String randomText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%04d-%02d-%02dT%02d:%02d:%02d", RANDOM.nextInt(10_000), RANDOM.nextInt(14),
                RANDOM.nextInt(33), RANDOM.nextInt(26), RANDOM.nextInt(62), RANDOM.nextInt(62)));
        if (RANDOM.nextBoolean()) {
            text.append('.').append(Long.toString(Math.abs(RANDOM.nextLong())), 0, RANDOM.nextInt(12));
        }
        switch (RANDOM.nextInt(4)) {
            case 0 -> text.append('Z');
            case 1 -> text.append(String.format("%c%02d:%02d", RANDOM.nextBoolean() ? '+' : '-', RANDOM.nextInt(20),
                    RANDOM.nextInt(62)));
            case 2 -> text.append(String.format("%c%02d%02d", RANDOM.nextBoolean() ? '+' : '-', RANDOM.nextInt(20),
                    RANDOM.nextInt(62)));
            default -> {
            }
        }
        if (RANDOM.nextInt(10) == 0) {
            text.setCharAt(RANDOM.nextInt(text.length()), "0:-T.Z+x ".charAt(RANDOM.nextInt(9)));
        }
        return text.toString();
    }
}
