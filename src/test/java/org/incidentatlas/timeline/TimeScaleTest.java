package org.incidentatlas.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeScaleTest {
    private static final long DAY = 86_400_000L;

    @Test
    void convertsBothWays() {
        TimeScale s = new TimeScale(1_000_000, 500);
        assertEquals(10, s.toPixel(1_005_000), 1e-9);
        assertEquals(1_005_000, s.toMillis(10), 1e-9);
        assertEquals(-2, s.toPixel(999_000), 1e-9);
    }

    @Test
    void zoomKeepsTheInstantUnderTheCursor() {
        TimeScale s = new TimeScale(0, 3_600_000);
        double before = s.toMillis(321);
        TimeScale z = s.zoomAround(321, 0.25);
        assertEquals(before, z.toMillis(321), 1e-3);
        assertEquals(900_000, z.millisPerPixel(), 1e-9);
    }

    @Test
    void zoomIsClampedFromDecadesToMinutes() {
        TimeScale s = new TimeScale(0, 2_000);
        assertEquals(TimeScale.MIN_MILLIS_PER_PIXEL, s.zoomAround(0, 1e-6).millisPerPixel());
        assertEquals(TimeScale.MAX_MILLIS_PER_PIXEL, s.zoomAround(0, 1e12).millisPerPixel());
        assertThrows(IllegalArgumentException.class, () -> new TimeScale(0, 0));
    }

    @Test
    void fitAndPan() {
        TimeScale s = TimeScale.fit(0, 100 * DAY, 1020, 10);
        assertEquals(10, s.toPixel(0), 1e-6);
        assertEquals(1010, s.toPixel(100 * DAY), 1e-6);
        TimeScale p = s.panBy(50);
        assertEquals(60, p.toPixel(0), 1e-6, "content moves right with the mouse");
        assertEquals(500, s.withMillisAt(3 * DAY, 500).toPixel(3 * DAY), 1e-6);
    }

    @Test
    void picksATickLevelForTheZoomWithLabelsThatFit() {
        assertEquals(TickGenerator.Level.YEAR, TickGenerator.levelFor(new TimeScale(0, 365.25 * DAY / 100), 78));
        assertEquals(TickGenerator.Level.MONTH, TickGenerator.levelFor(new TimeScale(0, DAY / 3), 78));
        assertEquals(TickGenerator.Level.DAY, TickGenerator.levelFor(new TimeScale(0, DAY / 80), 78));
        assertEquals(TickGenerator.Level.MINUTE, TickGenerator.levelFor(new TimeScale(0, 600), 78));
        assertEquals(TickGenerator.Level.CENTURY, TickGenerator.levelFor(new TimeScale(0, 1e12), 78));
    }

    @Test
    void aSpanOfFourteenYearsGetsALabelEveryTwoYears() {
        // 2011-2025 on 700 px, as the generated million shows it: whole years are 50 px apart, too close for 52
        long from = Instant.parse("2011-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        TimeScale s = TimeScale.fit(from, to, 700, 0);
        TickGenerator.Level level = TickGenerator.levelFor(s, 52);
        assertEquals(TickGenerator.Level.TWO_YEARS, level);
        List<String> labels = TickGenerator.ticks(s, 700, level, ZoneOffset.UTC).stream()
                .map(TickGenerator.Tick::label).toList();
        assertEquals(List.of("2012", "2014", "2016", "2018", "2020", "2022", "2024"), labels);
        // and centuries for a long history: 1600-2025 on 700 px
        TimeScale long_ = TimeScale.fit(Instant.parse("1600-01-01T00:00:00Z").toEpochMilli(), to, 700, 0);
        TickGenerator.Level coarse = TickGenerator.levelFor(long_, 52);
        assertEquals(TickGenerator.Level.FIFTY_YEARS, coarse);
        assertEquals("1650", TickGenerator.ticks(long_, 700, coarse, ZoneOffset.UTC).get(1).label());
    }

    @Test
    void ticksFallOnCalendarBoundariesAndNeverCrowd() {
        long jan2020 = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
        TimeScale s = new TimeScale(jan2020 - 10 * DAY, DAY / 3);
        TickGenerator.Level level = TickGenerator.levelFor(s, 78);
        List<TickGenerator.Tick> ticks = TickGenerator.ticks(s, 1000, level, ZoneOffset.UTC);
        assertEquals("Jan 2020", ticks.get(0).label());
        assertEquals(jan2020, ticks.get(0).millis());
        assertEquals("Feb", ticks.get(1).label());
        for (int i = 1; i < ticks.size(); i++) {
            assertTrue(s.toPixel(ticks.get(i).millis()) - s.toPixel(ticks.get(i - 1).millis()) >= 78);
        }
        TimeScale hours = new TimeScale(Instant.parse("2021-06-06T21:10:00Z").toEpochMilli(), 30_000);
        List<TickGenerator.Tick> h = TickGenerator.ticks(hours, 400, TickGenerator.levelFor(hours, 78),
                ZoneOffset.UTC);
        assertEquals("22:00", h.get(0).label());
        assertEquals("7 Jun", h.get(2).label(), "midnight names the day");
    }

    @Test
    void monthTicksFollowCalendarMonthLengthsAndLeapYears() {
        TimeScale s = new TimeScale(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli(), DAY / 3);
        List<TickGenerator.Tick> ticks = TickGenerator.ticks(s, 3 * 130, TickGenerator.Level.MONTH, ZoneOffset.UTC);
        assertEquals(Instant.parse("2020-02-01T00:00:00Z").toEpochMilli(), ticks.get(1).millis());
        assertEquals(Instant.parse("2020-03-01T00:00:00Z").toEpochMilli(), ticks.get(2).millis(),
                "29 days in February 2020");
        assertEquals(29 * DAY, ticks.get(2).millis() - ticks.get(1).millis());
    }

    @Test
    void hourTicksStayOnTheHourAcrossADaylightSavingChange() {
        java.time.ZoneId london = java.time.ZoneId.of("Europe/London");
        // 28 March 2021: clocks went from 01:00 to 02:00 GMT→BST.
        TimeScale s = new TimeScale(Instant.parse("2021-03-27T22:30:00Z").toEpochMilli(), 30_000);
        List<TickGenerator.Tick> ticks = TickGenerator.ticks(s, 120 * 6, TickGenerator.Level.HOUR, london);
        for (TickGenerator.Tick t : ticks) {
            assertEquals(0, Instant.ofEpochMilli(t.millis()).atZone(london).getMinute());
        }
        assertTrue(ticks.stream().noneMatch(t -> t.label().equals("01:00") && Instant.ofEpochMilli(t.millis())
                .atZone(london).getDayOfMonth() == 28 && Instant.ofEpochMilli(t.millis()).atZone(london)
                .getHour() != 1), "no phantom 01:00");
        assertTrue(ticks.stream().anyMatch(t -> t.label().equals("02:00")));
        for (int i = 1; i < ticks.size(); i++) {
            assertEquals(3_600_000L, ticks.get(i).millis() - ticks.get(i - 1).millis(), "one real hour apart");
        }
    }

    @Test
    void pixelsAndTimeRoundTrip() {
        TimeScale s = TimeScale.fit(Instant.parse("2014-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2021-06-07T00:00:00Z").toEpochMilli(), 1234, 17);
        for (double px : new double[] {-50, 0, 1.5, 617, 1234, 2000}) {
            assertEquals(px, s.toPixel(s.toMillis(px)), 1e-6);
        }
    }
}
