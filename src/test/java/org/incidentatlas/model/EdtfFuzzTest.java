package org.incidentatlas.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the EDTF parser (Jazzer): any text parses to a well-formed extent that parses again
 * to the same, or is refused with an {@link EdtfException} that points inside the text and is short. Anything
 * else is a finding. Seeds: {@code src/test/resources/org/incidentatlas/model/EdtfFuzzTestInputs/}.
 */
class EdtfFuzzTest {
    @FuzzTest(maxDuration = "15s")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void edtfParsesOrRefusesAnyText(byte[] data) {
        String text = new String(data, java.nio.charset.StandardCharsets.UTF_8); // seeds are plain text files
        TimeExtent t;
        try {
            t = Edtf.parse(text);
        } catch (EdtfException e) {
            assertTrue(e.position() >= 0 && e.position() <= text.length(), () -> e.position() + " in " + text);
            assertTrue(e.getMessage().length() < 400, e::getMessage);
            return;
        }
        assertTrue(t.earliest().isBefore(t.latest()));
        assertEquals(text.strip(), t.literal());
        assertEquals(t, Edtf.parse(t.literal()), "parsing what was parsed changes nothing");
        assertTrue(!t.interval() || !(t.openStart() && t.openEnd()));
    }
}
