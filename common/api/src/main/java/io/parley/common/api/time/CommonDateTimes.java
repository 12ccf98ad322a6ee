package io.parley.common.api.time;

import java.time.DateTimeException;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * The date-times nearly every request and event carries, read and written without {@code DateTimeFormatter}, which
 * costs more than the rest of reading a recorder event: {@code 2014-06-10T13:45:51}, then an optional fraction of 1
 * to 9 digits, then {@code Z}, {@code +08:00} or {@code +0800}. Each method answers {@code null} for anything else,
 * and for values a formatter would resolve instead of reading as written (the 31st of a shorter month, hour 24), so
 * that {@link ApiDateTimes} hands those to its formatters and every text keeps the meaning they give it.
 */
final class CommonDateTimes {

    private CommonDateTimes() {
    }

    static OffsetDateTime parse(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int first = ++at;
            while (at < length && at - first < 10 && isDigit(text.charAt(at))) {
                nanos = nanos * 10 + text.charAt(at++) - '0';
            }
            int count = at - first;
            if (count == 0 || count > 9) {
                return null;
            }
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(text, at);
        if (offset == null) {
            return null;
        }
        return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    }

    /** {@code Z}, {@code +HH:MM} or {@code +HHMM} from {@code at} to the end, else {@code null}. */
    private static ZoneOffset offset(String text, int at) {
        int rest = text.length() - at;
        if (rest == 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = rest > 0 ? text.charAt(at) : ' ';
        if ((sign != '+' && sign != '-') || (rest != 5 && rest != 6) || (rest == 6 && text.charAt(at + 3) != ':')) {
            return null;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + rest - 2, 2);
        if (hours < 0 || minutes < 0 || minutes > 59) {
            return null;
        }
        try {
            return ZoneOffset.ofHoursMinutes(sign == '-' ? -hours : hours, sign == '-' ? -minutes : minutes);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /**
     * {@code 2014-06-10T13:45:51+0800}: seconds, offset without a colon; {@code null} for years a formatter writes
     * otherwise.
     */
    static String format(OffsetDateTime value) {
        int year = value.getYear();
        if (year < 1000 || year > 9999) {
            return null;
        }
        StringBuilder text = new StringBuilder(24);
        text.append(year).append('-');
        twoDigits(text, value.getMonthValue()).append('-');
        twoDigits(text, value.getDayOfMonth()).append('T');
        twoDigits(text, value.getHour()).append(':');
        twoDigits(text, value.getMinute()).append(':');
        twoDigits(text, value.getSecond());
        int offset = value.getOffset().getTotalSeconds();
        int minutes = Math.abs(offset) / 60; // seconds of an offset are not written: -00:00:30 is +0000
        text.append(offset < 0 && minutes > 0 ? '-' : '+');
        twoDigits(text, minutes / 60);
        return twoDigits(text, minutes % 60).toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** The number written by {@code count} ASCII digits from {@code at}, or -1. */
    private static int digits(String text, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
