package io.parley.call.search;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parley.common.api.ApiIds;
import io.parley.common.api.time.ApiDateTimes;

/**
 * Reads the values of search parameters in the forms of reference 3.1.4, Table 2: dates {@code YYYY/MM/DD} and
 * ranges {@code A - B} (spaces optional), ISO 8601 date-times and ranges {@code A/B}, durations {@code SS},
 * {@code MM:SS}, {@code HH:MM:SS} and ranges of them, numbers and ranges of them.
 *
 * @throws InvalidValueException (every method) saying what the value must be
 */
final class SearchValues {

    /** Ranges of {@code N days} or {@code N minutes} back from now: far enough for any recording. */
    static final int MAX_DAYS = 36_500;
    static final int MAX_MINUTES = MAX_DAYS * 24 * 60;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String NUMBER = "-?\\d{1,15}(?:\\.\\d{1,6})?";
    private static final Pattern DURATION = Pattern.compile("(?:(?:(\\d{1,4}):)?(\\d{1,4}):)?(\\d{1,6})");

    private SearchValues() {
    }

    /** A day, {@code YYYY/MM/DD}: the instants from its start (included) to the next day's start (excluded). */
    static Range<OffsetDateTime> day(String text, ZoneId zone) {
        LocalDate day = date(text.strip());
        return new Range<>(startOf(day, zone), startOf(day.plusDays(1), zone));
    }

    /** Days {@code YYYY/MM/DD - YYYY/MM/DD}, both included: from the first's start to the day after the last. */
    static Range<OffsetDateTime> days(String text, ZoneId zone) {
        List<String> ends = split(text, "-", "a range of dates YYYY/MM/DD - YYYY/MM/DD");
        LocalDate first = date(ends.get(0));
        LocalDate last = date(ends.get(1));
        if (last.isBefore(first)) {
            throw new InvalidValueException("the range of dates ends before it starts");
        }
        return new Range<>(startOf(first, zone), startOf(last.plusDays(1), zone));
    }

    /** An ISO 8601 date-time; without an offset, in the caller's timezone. */
    static OffsetDateTime dateTime(String text, ZoneId zone) {
        String value = text.strip();
        OffsetDateTime dateTime;
        try {
            dateTime = ApiDateTimes.parse(value);
        } catch (DateTimeParseException e) {
            try {
                dateTime = LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException notLocal) {
                throw new InvalidValueException("must be an ISO 8601 date-time, e.g. 2019-04-30T06:00:00.000Z");
            }
        }
        return inYears(dateTime.getYear(), dateTime);
    }

    /** Two ISO 8601 date-times separated by {@code /}. */
    static Range<OffsetDateTime> dateTimes(String text, ZoneId zone) {
        List<String> ends = split(text, "/", "two ISO 8601 date-times separated by /");
        Range<OffsetDateTime> range = new Range<>(dateTime(ends.get(0), zone), dateTime(ends.get(1), zone));
        if (range.last().isBefore(range.first())) {
            throw new InvalidValueException("the range of date-times ends before it starts");
        }
        return range;
    }

    /** Seconds from {@code SS}, {@code MM:SS} or {@code HH:MM:SS}. */
    static long duration(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new InvalidValueException("must be a duration SS, MM:SS or HH:MM:SS");
        }
        long hours = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
        long minutes = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2));
        long seconds = Long.parseLong(matcher.group(3));
        if (matcher.group(2) != null && seconds > 59 || matcher.group(1) != null && minutes > 59) {
            throw new InvalidValueException("must be a duration SS, MM:SS or HH:MM:SS, minutes and seconds below 60");
        }
        return hours * 3600 + minutes * 60 + seconds;
    }

    /** Two durations separated by {@code -}. */
    static Range<Long> durations(String text) {
        List<String> ends = split(text, "-", "a range of durations, e.g. 30 - 1:30");
        Range<Long> range = new Range<>(duration(ends.get(0)), duration(ends.get(1)));
        if (range.last() < range.first()) {
            throw new InvalidValueException("the range of durations ends before it starts");
        }
        return range;
    }

    static BigDecimal number(String text) {
        String value = text.strip();
        if (!value.matches(NUMBER)) {
            throw new InvalidValueException("must be a number");
        }
        return new BigDecimal(value);
    }

    /** Two numbers separated by {@code -}, e.g. {@code 1 - 5} or {@code -5 - -1}. */
    static Range<BigDecimal> numbers(String text) {
        Matcher matcher = Pattern.compile("\\s*(" + NUMBER + ")\\s*-\\s*(" + NUMBER + ")\\s*").matcher(text);
        if (!matcher.matches()) {
            throw new InvalidValueException("must be two numbers separated by -, e.g. 1 - 5");
        }
        Range<BigDecimal> range = new Range<>(new BigDecimal(matcher.group(1)), new BigDecimal(matcher.group(2)));
        if (range.last().compareTo(range.first()) < 0) {
            throw new InvalidValueException("the range of numbers ends before it starts");
        }
        return range;
    }

    /** A whole number from 0 to {@code max}: days or minutes back from now. */
    static int count(String text, int max) {
        String value = text.strip();
        if (!value.matches("\\d{1,9}") || Integer.parseInt(value) > max) {
            throw new InvalidValueException("must be a whole number from 0 to " + max);
        }
        return Integer.parseInt(value);
    }

    static UUID uuid(String text) {
        return ApiIds.parse(text.strip()).orElseThrow(() -> new InvalidValueException("must be a UUID"));
    }

    /** One of a field's codes, e.g. a {@code call_state} from 1 to 8. */
    static short code(String text, List<Integer> codes) {
        String value = text.strip();
        if (!value.matches("\\d{1,5}") || !codes.contains(Integer.parseInt(value))) {
            throw new InvalidValueException("must be one of " + codes);
        }
        return (short) Integer.parseInt(value);
    }

    /** From {@code first} to {@code last}; for dates, the last is the start of the day after the range. */
    record Range<T>(T first, T last) {
    }

    private static LocalDate date(String text) {
        try {
            LocalDate date = LocalDate.parse(text.strip(), DATE);
            return inYears(date.getYear(), date);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("must be a date YYYY/MM/DD");
        }
    }

    /** Years 1 to 9999, as the API writes them (and well within what the database stores). */
    private static <T> T inYears(int year, T value) {
        if (year < 1 || year > 9999) {
            throw new InvalidValueException("must be in the years 1 to 9999");
        }
        return value;
    }

    private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    private static List<String> split(String text, String separator, String expected) {
        String[] ends = text.split(Pattern.quote(separator), -1);
        if (ends.length != 2 || ends[0].isBlank() || ends[1].isBlank()) {
            throw new InvalidValueException("must be " + expected);
        }
        return List.of(ends[0].strip(), ends[1].strip());
    }
}
