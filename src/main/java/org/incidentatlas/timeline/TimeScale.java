package org.incidentatlas.timeline;

/**
 * The one place where time becomes pixels and pixels become time: a linear scale whose pixel 0 is at
 * {@code originMillis} and where one pixel spans {@code millisPerPixel}. Immutable; pure maths.
 *
 * @param originMillis   the epoch millisecond at pixel x = 0
 * @param millisPerPixel how much time one pixel spans, between {@link #MIN_MILLIS_PER_PIXEL} and
 *                       {@link #MAX_MILLIS_PER_PIXEL}
 */
public record TimeScale(double originMillis, double millisPerPixel) {
    /** Closest zoom: one minute spans 60 px. */
    public static final double MIN_MILLIS_PER_PIXEL = 1_000;
    /** Farthest zoom: a century spans about 100 px. */
    public static final double MAX_MILLIS_PER_PIXEL = 100 * 365.25 * 86_400_000.0 / 100;

    public TimeScale {
        if (!Double.isFinite(originMillis) || !(millisPerPixel > 0) || !Double.isFinite(millisPerPixel)) {
            throw new IllegalArgumentException("bad scale " + originMillis + " / " + millisPerPixel);
        }
    }

    /** A scale on which {@code [fromMillis, toMillis]} fills {@code width} pixels, less {@code padPx} each side. */
    public static TimeScale fit(long fromMillis, long toMillis, double width, double padPx) {
        double usable = Math.max(1, width - 2 * padPx);
        double span = Math.max(1, (double) toMillis - fromMillis);
        double mpp = clamp(span / usable);
        double mid = (fromMillis + (double) toMillis) / 2;
        return new TimeScale(mid - width / 2 * mpp, mpp);
    }

    public double toPixel(double millis) {
        return (millis - originMillis) / millisPerPixel;
    }

    public double toMillis(double pixel) {
        return originMillis + pixel * millisPerPixel;
    }

    /**
     * Zooms by {@code factor} (&lt; 1 zooms in) keeping the instant under {@code pixel} where it is. The result is
     * clamped to the zoom range.
     */
    public TimeScale zoomAround(double pixel, double factor) {
        double anchor = toMillis(pixel);
        double mpp = clamp(millisPerPixel * factor);
        return new TimeScale(anchor - pixel * mpp, mpp);
    }

    /** Moves the content right by {@code dx} pixels (the view pans towards earlier times). */
    public TimeScale panBy(double dx) {
        return new TimeScale(originMillis - dx * millisPerPixel, millisPerPixel);
    }

    /** This scale shifted so that {@code millis} sits at {@code pixel}. */
    public TimeScale withMillisAt(double millis, double pixel) {
        return new TimeScale(millis - pixel * millisPerPixel, millisPerPixel);
    }

    private static double clamp(double mpp) {
        return Math.max(MIN_MILLIS_PER_PIXEL, Math.min(MAX_MILLIS_PER_PIXEL, mpp));
    }
}
