package org.incidentatlas.model;

import java.util.Objects;

/**
 * A place on Earth (WGS 84) with how precisely it is known.
 *
 * @param id            the place id in the file, or {@code null} for an inline place
 * @param name          human-readable name
 * @param lat           latitude in degrees, in [-90, 90]
 * @param lon           longitude in degrees, in [-180, 180]
 * @param admin1        first-level administrative area (governorate, province), or {@code null}
 * @param country       ISO 3166-1 alpha-2 code, or {@code null}
 * @param precision     how precisely the point stands for the place
 * @param uncertaintyKm radius of uncertainty in kilometres, or {@code null} when not given
 */
public record GeoLocation(String id, String name, double lat, double lon, String admin1, String country,
                          PlacePrecision precision, Double uncertaintyKm) {
    public GeoLocation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(precision, "precision");
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("latitude must be a finite number in [-90, 90], was " + lat);
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("longitude must be a finite number in [-180, 180], was " + lon);
        }
        if (uncertaintyKm != null && (!Double.isFinite(uncertaintyKm) || uncertaintyKm < 0)) {
            throw new IllegalArgumentException("uncertaintyKm must be a finite number >= 0, was " + uncertaintyKm);
        }
    }

    /** A one-line description for people, e.g. "Al-Asad Air Base, Al Anbar (site, ±2 km)". */
    public String describe() {
        StringBuilder sb = new StringBuilder(name);
        if (admin1 != null && !admin1.isBlank() && !admin1.equals(name)) {
            sb.append(", ").append(admin1);
        }
        sb.append(" (").append(precision.key());
        if (uncertaintyKm != null) {
            sb.append(", ±").append(formatKm(uncertaintyKm)).append(" km");
        }
        return sb.append(')').toString();
    }

    private static String formatKm(double km) {
        return km == Math.rint(km) ? Long.toString((long) km) : Double.toString(km);
    }
}
