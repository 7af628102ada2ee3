package org.incidentatlas.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/** Laws of the one time↔pixel conversion, over the whole range of dates and zooms the app allows. */
class TimeScalePropertiesTest {
    /** Years 0000–9999, the range EDTF values can take. */
    static final long MIN = -62_167_219_200_000L;
    static final long MAX = 253_402_300_799_999L;

    private static TimeScale scale(double origin, double mppFraction) {
        double mpp = TimeScale.MIN_MILLIS_PER_PIXEL
                * Math.pow(TimeScale.MAX_MILLIS_PER_PIXEL / TimeScale.MIN_MILLIS_PER_PIXEL, mppFraction);
        return new TimeScale(origin, mpp);
    }

    @Property
    void timeToPixelAndBackIsTheSameTime(@ForAll @LongRange(min = MIN, max = MAX) long origin,
                                         @ForAll @DoubleRange(min = 0, max = 1) double zoom,
                                         @ForAll @DoubleRange(min = -5000, max = 5000) double pixel) {
        TimeScale s = scale(origin, zoom);
        double t = s.toMillis(pixel);
        // doubles hold epoch millis to ~0.03 ms in year 9999: a 1e-4 pixel even at the closest zoom (1000 ms)
        assertEquals(pixel, s.toPixel(t), 1e-4);
        assertEquals(t, s.toMillis(s.toPixel(t)), 1.0);
    }

    @Property
    void zoomingKeepsTheInstantUnderThePointerWhereItIs(@ForAll @LongRange(min = MIN, max = MAX) long origin,
            @ForAll @DoubleRange(min = 0, max = 1) double zoom, @ForAll @DoubleRange(min = 0, max = 3000) double pixel,
            @ForAll @DoubleRange(min = 0.01, max = 100) double factor) {
        TimeScale s = scale(origin, zoom);
        TimeScale z = s.zoomAround(pixel, factor);
        assertEquals(s.toMillis(pixel), z.toMillis(pixel), 1.0);
        assertTrue(z.millisPerPixel() >= TimeScale.MIN_MILLIS_PER_PIXEL
                && z.millisPerPixel() <= TimeScale.MAX_MILLIS_PER_PIXEL);
    }

    @Property
    void panningThereAndBackIsNoPan(@ForAll @LongRange(min = MIN, max = MAX) long origin,
                                    @ForAll @DoubleRange(min = 0, max = 1) double zoom,
                                    @ForAll @DoubleRange(min = -1e4, max = 1e4) double dx) {
        TimeScale s = scale(origin, zoom);
        TimeScale back = s.panBy(dx).panBy(-dx);
        assertEquals(s.millisPerPixel(), back.millisPerPixel());
        assertEquals(0, back.toPixel(s.toMillis(0)), 1e-4);
        assertEquals(dx, s.panBy(dx).toPixel(s.toMillis(0)), 1e-4, "content moves right by dx");
    }

    @Property
    void anInstantPlacedAtAPixelIsThere(@ForAll @LongRange(min = MIN, max = MAX) long millis,
                                        @ForAll @DoubleRange(min = 0, max = 1) double zoom,
                                        @ForAll @DoubleRange(min = -3000, max = 3000) double pixel) {
        assertEquals(pixel, scale(0, zoom).withMillisAt(millis, pixel).toPixel(millis), 1e-4);
    }

    @Property
    void aFittedRangeLiesInsideTheWidthLessThePadding(@ForAll @LongRange(min = MIN, max = MAX) long a,
            @ForAll @LongRange(min = 60_000, max = 3_000_000_000_000L) long span,
            @ForAll @DoubleRange(min = 200, max = 4000) double width) {
        long b = Math.min(MAX, a + span);
        TimeScale s = TimeScale.fit(a, b, width, 20);
        double from = s.toPixel(a);
        double to = s.toPixel(b);
        assertEquals(width / 2, (from + to) / 2, 1e-3, "centred");
        if (s.millisPerPixel() > TimeScale.MIN_MILLIS_PER_PIXEL) { // not clamped at the closest zoom
            assertTrue(from >= 20 - 1e-3 && to <= width - 20 + 1e-3, from + " .. " + to);
        }
    }
}
