package org.incidentatlas.model;

/**
 * A latitude/longitude box (does not wrap across the antimeridian).
 */
public record GeoBounds(double minLat, double minLon, double maxLat, double maxLon) {
    public GeoBounds {
        if (minLat > maxLat || minLon > maxLon) {
            throw new IllegalArgumentException("empty bounds");
        }
    }

    public double centerLat() {
        return (minLat + maxLat) / 2;
    }

    public double centerLon() {
        return (minLon + maxLon) / 2;
    }

    /** This box grown by {@code fraction} of its size on every side, and at least {@code minDegrees} wide and tall. */
    public GeoBounds padded(double fraction, double minDegrees) {
        double h = Math.max((maxLat - minLat) * (1 + 2 * fraction), minDegrees) / 2;
        double w = Math.max((maxLon - minLon) * (1 + 2 * fraction), minDegrees) / 2;
        return new GeoBounds(Math.max(-85, centerLat() - h), Math.max(-180, centerLon() - w),
                Math.min(85, centerLat() + h), Math.min(180, centerLon() + w));
    }
}
