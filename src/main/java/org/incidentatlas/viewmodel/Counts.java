package org.incidentatlas.viewmodel;

/** How the views write a number of incidents: digits grouped in threes ("1,000,000"), the same in every locale. */
public final class Counts {
    private Counts() {
    }

    /**
     * {@code n} with its digits grouped: 7 → "7", 124526 → "124,526". By hand rather than with
     * {@code String.format("%,d")}: the views write ~50 counts when a file is taken in, and the formatter (cold,
     * it parses its pattern each time) took 17 ms of the FX thread for them at a million incidents.
     */
    public static String grouped(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int len = digits.length() - sign;
        if (len <= 3) {
            return digits;
        }
        StringBuilder b = new StringBuilder(digits.length() + (len - 1) / 3);
        b.append(digits, 0, sign);
        int head = len % 3 == 0 ? 3 : len % 3;
        b.append(digits, sign, sign + head);
        for (int i = sign + head; i < digits.length(); i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }
}
