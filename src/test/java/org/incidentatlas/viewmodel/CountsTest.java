package org.incidentatlas.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CountsTest {
    @Test
    void groupsDigitsInThrees() {
        assertEquals("0", Counts.grouped(0));
        assertEquals("7", Counts.grouped(7));
        assertEquals("999", Counts.grouped(999));
        assertEquals("1,000", Counts.grouped(1000));
        assertEquals("124,526", Counts.grouped(124_526));
        assertEquals("1,000,000", Counts.grouped(1_000_000));
        assertEquals("-1,234", Counts.grouped(-1234));
        assertEquals("-999", Counts.grouped(-999));
    }

    @Test
    void writesWhatTheJdksGroupingFormatWrites() {
        SplittableRandom r = new SplittableRandom(7);
        for (int k = 0; k < 20_000; k++) {
            long n = r.nextLong() >> r.nextInt(64);
            assertEquals(String.format(Locale.ROOT, "%,d", n), Counts.grouped(n), "for " + n);
        }
        for (long n : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -1, 1, 100, -100_000, 99_999}) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), Counts.grouped(n), "for " + n);
        }
    }
}
