package org.incidentatlas.map;

import java.util.Locale;

/** Picks a round scale-bar length (1, 2 or 5 × 10ⁿ metres) that fits a pixel budget. Pure maths. */
final class ScaleBar {
    private ScaleBar() {
    }

    /** {metres, pixels} of the longest round length not longer than {@code maxPx} pixels. */
    static double[] niceLength(double metresPerPx, double maxPx) {
        double max = metresPerPx * maxPx;
        double pow = Math.pow(10, Math.floor(Math.log10(max)));
        double metres = pow;
        for (double m : new double[] {5, 2, 1}) {
            if (m * pow <= max) {
                metres = m * pow;
                break;
            }
        }
        return new double[] {metres, metres / metresPerPx};
    }

    /** "500 m", "20 km". */
    static String label(double metres) {
        return metres >= 1000 ? String.format(Locale.ROOT, "%.0f km", metres / 1000)
                : String.format(Locale.ROOT, "%.0f m", metres);
    }
}
