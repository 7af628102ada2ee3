package org.incidentatlas.viewmodel;

import java.util.Locale;

/** How the views write a number of incidents: digits grouped in threes ("1,000,000"), the same in every locale. */
public final class Counts {
    private Counts() {
    }

    /** {@code n} with its digits grouped: 7 → "7", 124526 → "124,526". */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
