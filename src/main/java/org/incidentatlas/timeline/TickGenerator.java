package org.incidentatlas.timeline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Picks the tick level for a scale (decade down to minute) and lists the ticks in view with their labels,
 * spaced so that labels never overlap. Pure; thread-safe.
 */
public final class TickGenerator {
    /** A tick: where it falls and what it says. */
    public record Tick(long millis, String label) {
    }

    /**
     * Tick levels from coarse to fine, with their nominal length. Whole years come in steps of 1, 2, 5, 10, 20,
     * 50 and 100, so that a span of 14 years on 700 px gets a label every 2 years, not one in the middle.
     */
    public enum Level {
        CENTURY(36_525), FIFTY_YEARS(18_262.5), TWENTY_YEARS(7_305), DECADE(3_652.5), FIVE_YEARS(1_826.25),
        TWO_YEARS(730.5), YEAR(365.25), QUARTER(91.3), MONTH(30.44), WEEK(7), DAY(1), SIX_HOURS(0.25),
        HOUR(1.0 / 24), FIFTEEN_MINUTES(1.0 / 96), MINUTE(1.0 / 1440);

        final double days;

        Level(double days) {
            this.days = days;
        }

        double millis() {
            return days * 86_400_000.0;
        }
    }

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private TickGenerator() {
    }

    /** The finest level whose ticks are at least {@code minSpacingPx} apart on {@code scale}. */
    public static Level levelFor(TimeScale scale, double minSpacingPx) {
        Level chosen = Level.CENTURY;
        for (Level l : Level.values()) {
            if (l.millis() / scale.millisPerPixel() >= minSpacingPx) {
                chosen = l;
            }
        }
        return chosen;
    }

    /** Ticks of {@code level} between pixels 0 and {@code width} of {@code scale}, in {@code zone}. */
    public static List<Tick> ticks(TimeScale scale, double width, Level level, ZoneId zone) {
        long from = (long) scale.toMillis(0);
        long to = (long) scale.toMillis(width);
        List<Tick> out = new ArrayList<>();
        ZonedDateTime t = floor(Instant.ofEpochMilli(from).atZone(zone), level);
        int guard = 0;
        while (t.toInstant().toEpochMilli() <= to && guard++ < 10_000) {
            long m = t.toInstant().toEpochMilli();
            if (m >= from) {
                out.add(new Tick(m, label(t, level)));
            }
            t = next(t, level);
        }
        return out;
    }

    static ZonedDateTime floor(ZonedDateTime t, Level level) {
        ZonedDateTime d = t.truncatedTo(ChronoUnit.DAYS);
        return switch (level) {
            case CENTURY, FIFTY_YEARS, TWENTY_YEARS, DECADE, FIVE_YEARS, TWO_YEARS, YEAR -> d.withDayOfYear(1)
                    .withYear(Math.floorDiv(t.getYear(), years(level)) * years(level));
            case QUARTER -> d.withDayOfMonth(1).withMonth((t.getMonthValue() - 1) / 3 * 3 + 1);
            case MONTH -> d.withDayOfMonth(1);
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case DAY -> d;
            case SIX_HOURS -> t.truncatedTo(ChronoUnit.HOURS).withHour(t.getHour() / 6 * 6);
            case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
            case FIFTEEN_MINUTES -> t.truncatedTo(ChronoUnit.MINUTES).withMinute(t.getMinute() / 15 * 15);
            case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
        };
    }

    /** The years between ticks of a whole-year level. */
    private static int years(Level level) {
        return switch (level) {
            case CENTURY -> 100;
            case FIFTY_YEARS -> 50;
            case TWENTY_YEARS -> 20;
            case DECADE -> 10;
            case FIVE_YEARS -> 5;
            case TWO_YEARS -> 2;
            default -> 1;
        };
    }

    static ZonedDateTime next(ZonedDateTime t, Level level) {
        return switch (level) {
            case CENTURY, FIFTY_YEARS, TWENTY_YEARS, DECADE, FIVE_YEARS, TWO_YEARS, YEAR -> t.plusYears(years(level));
            case QUARTER -> t.plusMonths(3);
            case MONTH -> t.plusMonths(1);
            case WEEK -> t.plusWeeks(1);
            case DAY -> t.plusDays(1);
            case SIX_HOURS -> t.plusHours(6);
            case HOUR -> t.plusHours(1);
            case FIFTEEN_MINUTES -> t.plusMinutes(15);
            case MINUTE -> t.plusMinutes(1);
        };
    }

    /** The label of a tick at {@code t}: coarse context where the tick starts a larger unit. */
    static String label(ZonedDateTime t, Level level) {
        String month = MONTHS[t.getMonthValue() - 1];
        return switch (level) {
            case CENTURY, FIFTY_YEARS, TWENTY_YEARS, DECADE, FIVE_YEARS, TWO_YEARS, YEAR ->
                    Integer.toString(t.getYear());
            case QUARTER -> "Q" + ((t.getMonthValue() - 1) / 3 + 1) + " " + t.getYear();
            case MONTH -> t.getMonthValue() == 1 ? month + " " + t.getYear() : month;
            case WEEK, DAY -> t.getDayOfMonth() + " " + month + (t.getDayOfYear() == 1 ? " " + t.getYear() : "");
            default -> t.getHour() == 0 && t.getMinute() == 0 ? t.getDayOfMonth() + " " + month
                    : String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
        };
    }
}
