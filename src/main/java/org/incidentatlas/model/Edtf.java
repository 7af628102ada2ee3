package org.incidentatlas.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Parser for the subset of the Extended Date/Time Format (EDTF, ISO 8601-2) used in event files:
 * <ul>
 *   <li>dates {@code 2021}, {@code 2021-06}, {@code 2021-06-06} (years 0000–9999, taken in UTC);</li>
 *   <li>date-times {@code 2021-06-06T22:00}, {@code 2021-06-06T22:00:05}, each optionally followed by an
 *       offset {@code Z}, {@code ±hh} or {@code ±hh:mm} (no offset means UTC);</li>
 *   <li>a trailing qualifier on a date: {@code ?} uncertain, {@code ~} approximate, {@code %} both;</li>
 *   <li>intervals {@code start/end} of dates, where either end (not both) may be {@code ..} (open) or
 *       empty (unknown).</li>
 * </ul>
 * Anything else is rejected with an {@link EdtfException}; seasons, unspecified digits ({@code X}),
 * negative years and {@code Y}-prefixed years are reported as not supported yet.
 */
public final class Edtf {

    private static final String EXPECTED =
            "expected an EDTF date such as 2021-06-07, 2021-06, 2021, 2014/2017, 2021-06-06~";

    private Edtf() {
    }

    /**
     * Parses EDTF text (surrounding whitespace is ignored) into a {@link TimeExtent}.
     *
     * @param text the EDTF text; {@code null} is treated as empty
     * @return the resolved extent, whose literal is the trimmed text
     * @throws EdtfException if the text is not an accepted EDTF value; its position is an index in {@code text}
     */
    public static TimeExtent parse(String text) {
        String input = text == null ? "" : text;
        int begin = 0;
        int end = input.length();
        while (begin < end && Character.isWhitespace(input.charAt(begin))) {
            begin++;
        }
        while (end > begin && Character.isWhitespace(input.charAt(end - 1))) {
            end--;
        }
        if (begin == end) {
            throw new EdtfException(input, 0, "no date given; " + EXPECTED);
        }
        String literal = input.substring(begin, end);
        Parser parser = new Parser(input);

        int slash = input.indexOf('/', begin);
        if (slash < 0 || slash >= end) {
            Part p = parser.date(begin, end, false);
            return new TimeExtent(literal, p.earliest, p.latest, p.precision, p.uncertain, p.approximate,
                    false, false, false, p.offset);
        }
        int second = input.indexOf('/', slash + 1);
        if (second >= 0 && second < end) {
            throw new EdtfException(input, second,
                    "more than one '/'; write dates as 2021-06-06 and intervals as start/end");
        }
        Part start = parser.intervalEnd(begin, slash);
        Part finish = parser.intervalEnd(slash + 1, end);
        if (start == null && finish == null) {
            throw new EdtfException(input, begin,
                    "an interval needs at least one known date, e.g. 2014/.. or ../2017");
        }
        if (start != null && finish != null && !start.earliest.isBefore(finish.latest)) {
            throw new EdtfException(input, slash + 1, "the interval ends before it starts");
        }
        TimePrecision precision = start == null ? finish.precision
                : finish == null ? start.precision
                : start.precision.compareTo(finish.precision) <= 0 ? start.precision : finish.precision;
        boolean uncertain = (start != null && start.uncertain) || (finish != null && finish.uncertain);
        boolean approximate = (start != null && start.approximate) || (finish != null && finish.approximate);
        Instant earliest = start != null ? start.earliest : finish.earliest;
        Instant latest = finish != null ? finish.latest : start.latest;
        return new TimeExtent(literal, earliest, latest, precision, uncertain, approximate,
                true, start == null, finish == null, null);
    }

    /** One resolved date or date-time. */
    private record Part(Instant earliest, Instant latest, TimePrecision precision,
                        boolean uncertain, boolean approximate, ZoneOffset offset) {
    }

    /** A cursor over the whole input, so that error positions are indices into it. */
    private static final class Parser {
        private final String input;
        private int pos;
        private int end;

        Parser(String input) {
            this.input = input;
        }

        /** One side of an interval; {@code null} when it is open ({@code ..}) or unknown (empty). */
        Part intervalEnd(int from, int to) {
            if (from == to || input.substring(from, to).equals("..")) {
                return null;
            }
            return date(from, to, true);
        }

        /** A date or (outside intervals) a date-time occupying exactly {@code [from, to)}. */
        Part date(int from, int to, boolean inInterval) {
            pos = from;
            end = to;
            char first = input.charAt(from);
            if (first == '-') {
                throw error(from, "negative years are not supported yet");
            }
            if (first == 'Y') {
                throw error(from, "years written with a 'Y' prefix are not supported yet");
            }
            if (!isDigit(first) && !isUnspecified(first)) {
                throw error(from, EXPECTED);
            }
            int year = year();
            if (!at('-')) {
                LocalDate start = LocalDate.of(year, 1, 1);
                return qualified(start, start.plusYears(1), TimePrecision.YEAR);
            }
            pos++;
            int monthPos = pos;
            int month = twoDigits("month", "01–12");
            if (month >= 21 && month <= 41) {
                throw error(monthPos, "seasons (21–41 in place of the month) are not supported yet");
            }
            if (month < 1 || month > 12) {
                throw error(monthPos, "month must be 01–12");
            }
            if (!at('-')) {
                LocalDate start = LocalDate.of(year, month, 1);
                return qualified(start, start.plusMonths(1), TimePrecision.MONTH);
            }
            pos++;
            int dayPos = pos;
            int day = twoDigits("day", "01–31");
            if (day < 1 || day > 31) {
                throw error(dayPos, "day must be 01–31");
            }
            YearMonth yearMonth = YearMonth.of(year, month);
            if (day > yearMonth.lengthOfMonth()) {
                String monthName = yearMonth.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                throw error(dayPos, "day must be 01–" + yearMonth.lengthOfMonth() + " in " + monthName
                        + " " + pad4(year));
            }
            LocalDate date = LocalDate.of(year, month, day);
            if (!at('T')) {
                return qualified(date, date.plusDays(1), TimePrecision.DAY);
            }
            if (inInterval) {
                throw error(pos, "date-times are not supported inside intervals;"
                        + " use dates such as 2021-06-06/2021-06-08");
            }
            pos++;
            return time(date);
        }

        /** Reads {@code hh:mm[:ss]} and an optional offset after the 'T' of a date-time. */
        private Part time(LocalDate date) {
            int hourPos = pos;
            int hour = twoDigits("hour", "00–23");
            if (hour > 23) {
                throw error(hourPos, "hour must be 00–23");
            }
            if (!at(':')) {
                throw error(pos, "expected ':' and two-digit minutes after the hour, as in 2021-06-06T22:00Z");
            }
            pos++;
            int minutePos = pos;
            int minute = twoDigits("minute", "00–59");
            if (minute > 59) {
                throw error(minutePos, "minute must be 00–59");
            }
            TimePrecision precision = TimePrecision.MINUTE;
            int second = 0;
            if (at(':')) {
                pos++;
                int secondPos = pos;
                second = twoDigits("second", "00–59");
                if (second > 59) {
                    throw error(secondPos, "second must be 00–59");
                }
                precision = TimePrecision.SECOND;
            }
            ZoneOffset written = null;
            if (pos < end) {
                char c = input.charAt(pos);
                if (isQualifier(c)) {
                    throw qualifierOnTime();
                }
                if (c == 'Z') {
                    written = ZoneOffset.UTC;
                    pos++;
                } else if (c == '+' || c == '-') {
                    written = offset();
                } else {
                    throw error(pos, "unexpected " + describe(c)
                            + " after the time; an offset must be Z, ±hh or ±hh:mm");
                }
            }
            if (pos < end) {
                if (isQualifier(input.charAt(pos))) {
                    throw qualifierOnTime();
                }
                throw error(pos, "unexpected " + describe(input.charAt(pos)) + " after the offset");
            }
            Instant start = LocalDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                    hour, minute, second).toInstant(written == null ? ZoneOffset.UTC : written);
            Instant stop = precision == TimePrecision.SECOND ? start.plusSeconds(1) : start.plusSeconds(60);
            return new Part(start, stop, precision, false, false, written);
        }

        /** Reads {@code ±hh} or {@code ±hh:mm}; {@code pos} is at the sign. */
        private ZoneOffset offset() {
            int signPos = pos;
            int sign = input.charAt(pos) == '-' ? -1 : 1;
            pos++;
            if (!digitsAhead(2)) {
                throw error(signPos, "offset must be Z, ±hh or ±hh:mm");
            }
            int hours = number(2);
            int minutes = 0;
            if (at(':')) {
                pos++;
                if (!digitsAhead(2)) {
                    throw error(signPos, "offset must be Z, ±hh or ±hh:mm");
                }
                minutes = number(2);
            }
            if (pos < end && isDigit(input.charAt(pos))) {
                throw error(signPos, "offset must be Z, ±hh or ±hh:mm");
            }
            if (minutes > 59) {
                throw error(signPos, "offset minutes must be 00–59");
            }
            try {
                return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (DateTimeException e) {
                throw error(signPos, "offset must be between -18:00 and +18:00");
            }
        }

        /** Reads the optional single qualifier after a date and checks nothing follows it. */
        private Part qualified(LocalDate start, LocalDate stop, TimePrecision precision) {
            boolean uncertain = false;
            boolean approximate = false;
            if (pos < end && isQualifier(input.charAt(pos))) {
                char q = input.charAt(pos);
                uncertain = q == '?' || q == '%';
                approximate = q == '~' || q == '%';
                pos++;
                if (pos < end && isQualifier(input.charAt(pos))) {
                    throw error(pos, "only one qualifier (?, ~ or %) is allowed;"
                            + " use % for uncertain and approximate");
                }
            }
            if (pos < end) {
                char c = input.charAt(pos);
                if (c == 'T' && precision != TimePrecision.DAY) {
                    throw error(pos, "a time needs a full date, as in 2021-06-06T22:00Z");
                }
                throw error(pos, "unexpected " + describe(c) + " after the date");
            }
            return new Part(start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    stop.atStartOfDay(ZoneOffset.UTC).toInstant(), precision, uncertain, approximate, null);
        }

        /** Reads exactly four year digits. */
        private int year() {
            int from = pos;
            for (int i = 0; i < 4; i++) {
                if (pos + i >= end || !isDigit(input.charAt(pos + i))) {
                    checkUnspecified(pos + i);
                    throw error(from, "year must have exactly 4 digits (0000–9999)");
                }
            }
            if (pos + 4 < end && isDigit(input.charAt(pos + 4))) {
                throw error(from, "year must have exactly 4 digits (0000–9999)");
            }
            return number(4);
        }

        /** Reads exactly two digits of the named field. */
        private int twoDigits(String field, String range) {
            int from = pos;
            for (int i = 0; i < 2; i++) {
                if (pos + i >= end || !isDigit(input.charAt(pos + i))) {
                    checkUnspecified(pos + i);
                    throw error(from, field + " must be two digits (" + range + ")");
                }
            }
            if (pos + 2 < end && isDigit(input.charAt(pos + 2))) {
                throw error(from, field + " must be two digits (" + range + ")");
            }
            return number(2);
        }

        private boolean digitsAhead(int count) {
            for (int i = 0; i < count; i++) {
                if (pos + i >= end || !isDigit(input.charAt(pos + i))) {
                    return false;
                }
            }
            return true;
        }

        /** Consumes {@code count} digits known to be present. */
        private int number(int count) {
            int value = 0;
            for (int i = 0; i < count; i++) {
                value = value * 10 + (input.charAt(pos++) - '0');
            }
            return value;
        }

        private void checkUnspecified(int at) {
            if (at < end && isUnspecified(input.charAt(at))) {
                throw error(at, "unspecified digits (X) are not supported yet");
            }
        }

        private EdtfException qualifierOnTime() {
            return error(pos, "qualifiers (?, ~, %) cannot be applied to a date-time;"
                    + " qualify a date such as 2021-06-06~");
        }

        private boolean at(char c) {
            return pos < end && input.charAt(pos) == c;
        }

        private EdtfException error(int position, String problem) {
            return new EdtfException(input, position, problem);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isUnspecified(char c) {
        return c == 'X' || c == 'x';
    }

    private static boolean isQualifier(char c) {
        return c == '?' || c == '~' || c == '%';
    }

    private static String describe(char c) {
        return Character.isWhitespace(c) ? "space" : "'" + c + "'";
    }

    private static String pad4(int year) {
        String s = Integer.toString(year);
        return "0".repeat(Math.max(0, 4 - s.length())) + s;
    }
}
