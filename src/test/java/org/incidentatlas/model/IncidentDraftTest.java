package org.incidentatlas.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link IncidentDraft#plainString} keeps exactly the strings a plain reading of the bytes keeps. */
class IncidentDraftTest {
    /** The plain string from {@code b[from]} to its quote, read one byte at a time; null when not plain. */
    private static String reference(byte[] b, int from, int limit) {
        for (int i = from; i < limit; i++) {
            int c = b[i] & 0xff;
            if (c == '"') {
                return new String(b, from, i - from, StandardCharsets.ISO_8859_1);
            }
            if (c < 0x20 || c > 0x7e || c == '\\') {
                return null;
            }
        }
        return null;
    }

    @Test
    void keepsWhatAByteByByteReadingKeeps() {
        SplittableRandom r = new SplittableRandom(8);
        // mostly letters, and now and then each byte a plain string must stop at or refuse
        byte[] special = {'"', '\\', 0x00, 0x1f, 0x20, 0x7e, 0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xff, '!', '#'};
        IncidentDraft d = new IncidentDraft();
        int kept = 0;
        int refused = 0;
        for (int round = 0; round < 100_000; round++) {
            byte[] b = new byte[1 + r.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextInt(40) == 0 ? special[r.nextInt(special.length)] : (byte) ('a' + r.nextInt(26));
            }
            int from = r.nextInt(b.length);
            int limit = from + r.nextInt(b.length - from + 1);
            if (r.nextBoolean()) {
                b[from + r.nextInt(b.length - from)] = '"'; // a string's end, often within the limit
            }
            String expected = reference(b, from, limit);
            d.clear();
            long ref = d.plainString(b, from, limit);
            if (expected == null) {
                assertEquals(IncidentDraft.NOT_PLAIN, ref);
                refused++;
            } else {
                assertEquals(expected, d.string(ref));
                kept++;
            }
        }
        assertTrue(kept > 10_000 && refused > 10_000, kept + " kept, " + refused + " refused");
    }
}
