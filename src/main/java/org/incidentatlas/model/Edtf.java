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

    /**
     * Resolves the common exact forms as {@link #parse} would, into {@code out}, without making any object: a date
     * {@code yyyy}, {@code yyyy-mm} or {@code yyyy-mm-dd} with at most one qualifier, an interval of two such dates,
     * and a date-time {@code yyyy-mm-ddThh:mm[:ss]} with no offset, {@code Z}, {@code ±hh} or {@code ±hh:mm}.
     * Returns {@code false}, leaving {@code out} undefined, for any other text, valid or not (surrounding
     * whitespace, open intervals, an impossible day…): {@link #parse} reads or refuses those.
     */
    public static boolean quick(CharSequence s, TimeFields out) {
        int n = s.length();
        if (n >= 16 && s.charAt(10) == 'T') {
            return dateTime(s, n, out);
        }
        int slash = -1;
        for (int i = 4; i < n && i <= 11; i++) {
            if (s.charAt(i) == '/') {
                slash = i;
                break;
            }
        }
        if (slash < 0) {
            long d = plainDate(s, 0, n);
            if (d < 0) {
                return false;
            }
            out.set(startDay(d) * DAY_SECONDS, endDay(d) * DAY_SECONDS, PRECISIONS[precisionOf(d)], qualifierOf(d));
            return true;
        }
        long a = plainDate(s, 0, slash);
        long b = a < 0 ? -1 : plainDate(s, slash + 1, n);
        if (b < 0 || startDay(a) >= endDay(b)) {
            return false; // not both known dates, or an interval that ends before it starts
        }
        out.set(startDay(a) * DAY_SECONDS, endDay(b) * DAY_SECONDS, PRECISIONS[Math.min(precisionOf(a),
                precisionOf(b))], qualifierOf(a) | qualifierOf(b) | TimeFields.INTERVAL);
        return true;
    }

    private static final long DAY_SECONDS = 86_400;
    private static final TimePrecision[] PRECISIONS = TimePrecision.values();
    /** Added to an epoch day so that years 0000–10000 pack as a positive 23-bit number. */
    private static final long DAY_BIAS = 1L << 20;
    private static final long DAY_MASK = (1L << 23) - 1;

    private static long startDay(long packed) {
        return (packed & DAY_MASK) - DAY_BIAS;
    }

    private static long endDay(long packed) {
        return ((packed >>> 23) & DAY_MASK) - DAY_BIAS;
    }

    private static int precisionOf(long packed) {
        return (int) (packed >>> 46) & 7;
    }

    private static int qualifierOf(long packed) {
        return (int) (packed >>> 49) & 3;
    }

    /**
     * {@code s[from, to)} as {@code yyyy}, {@code yyyy-mm} or {@code yyyy-mm-dd} and at most one qualifier, packed
     * as its first day, the day after it, its precision and its qualifier bits; -1 when it is not one.
     */
    private static long plainDate(CharSequence s, int from, int to) {
        int q = 0;
        if (to > from) {
            char last = s.charAt(to - 1);
            q = last == '?' ? TimeFields.UNCERTAIN : last == '~' ? TimeFields.APPROXIMATE
                    : last == '%' ? TimeFields.UNCERTAIN | TimeFields.APPROXIMATE : 0;
            if (q != 0) {
                to--;
            }
        }
        int len = to - from;
        if (len != 4 && len != 7 && len != 10) {
            return -1;
        }
        int y = digits(s, from, 4);
        if (y < 0) {
            return -1;
        }
        long start;
        long end;
        TimePrecision p;
        if (len == 4) {
            start = epochDay(y, 1, 1);
            end = epochDay(y + 1, 1, 1);
            p = TimePrecision.YEAR;
        } else {
            int m = s.charAt(from + 4) == '-' ? digits(s, from + 5, 2) : -1;
            if (m < 1 || m > 12) {
                return -1;
            }
            if (len == 7) {
                start = epochDay(y, m, 1);
                end = m == 12 ? epochDay(y + 1, 1, 1) : epochDay(y, m + 1, 1);
                p = TimePrecision.MONTH;
            } else {
                int d = s.charAt(from + 7) == '-' ? digits(s, from + 8, 2) : -1;
                if (d < 1 || d > monthLength(y, m)) {
                    return -1;
                }
                start = epochDay(y, m, d);
                end = start + 1;
                p = TimePrecision.DAY;
            }
        }
        return (start + DAY_BIAS) | (end + DAY_BIAS) << 23 | (long) p.ordinal() << 46 | (long) q << 49;
    }

    /** {@code yyyy-mm-ddThh:mm[:ss]} then no offset, {@code Z}, {@code ±hh} or {@code ±hh:mm}; {@code s[10]} is T. */
    private static boolean dateTime(CharSequence s, int n, TimeFields out) {
        long day = plainDate(s, 0, 10);
        int hour = digits(s, 11, 2);
        int minute = s.charAt(13) == ':' ? digits(s, 14, 2) : -1;
        if (day < 0 || precisionOf(day) != TimePrecision.DAY.ordinal() || hour < 0 || hour > 23 || minute < 0
                || minute > 59) {
            return false;
        }
        int i = 16;
        int second = 0;
        TimePrecision p = TimePrecision.MINUTE;
        if (i < n && s.charAt(i) == ':') {
            second = i + 3 <= n ? digits(s, i + 1, 2) : -1;
            if (second < 0 || second > 59) {
                return false;
            }
            p = TimePrecision.SECOND;
            i += 3;
        }
        int offset = 0;
        int bits = 0;
        if (i < n) {
            char c = s.charAt(i);
            if (c == 'Z' && i + 1 == n) {
                bits = TimeFields.OFFSET;
            } else if ((c == '+' || c == '-') && (i + 3 == n || i + 6 == n && s.charAt(i + 3) == ':')) {
                int h = digits(s, i + 1, 2);
                int m = i + 6 == n ? digits(s, i + 4, 2) : 0;
                if (h < 0 || m < 0 || m > 59 || h > 18 || h == 18 && m > 0) {
                    return false;
                }
                offset = (c == '-' ? -1 : 1) * (h * 3600 + m * 60);
                bits = TimeFields.OFFSET;
            } else {
                return false;
            }
        }
        long at = startDay(day) * DAY_SECONDS + hour * 3600L + minute * 60L + second - offset;
        out.set(at, at + (p == TimePrecision.SECOND ? 1 : 60), p, bits);
        out.offsetSeconds = offset;
        return true;
    }

    /** The {@code count} digits from {@code s[from]} as a number, or -1 when any is not a digit. */
    private static int digits(CharSequence s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int monthLength(int year, int month) {
        if (month == 2) {
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days from 1970-01-01 to that proleptic Gregorian date (as {@link LocalDate#toEpochDay}), for years 0–10000. */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year; // years counted from March, so a leap day ends its year
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
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
