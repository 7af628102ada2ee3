package org.incidentatlas.io.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PlainTextTest {
    @Test
    void stripsMarkupKeepsLineBreaksAndDecodesEntities() {
        assertEquals("Two drones were intercepted.\nNo casualties & no damage.",
                PlainText.of("<p>Two drones were <b>intercepted</b>.<br/>No casualties &amp; no damage.</p>"));
        assertEquals("a < b > c \"d\" é", PlainText.of("a &lt; b &gt; c &quot;d&quot; &#233;"));
        assertEquals("kept", PlainText.of("<script>alert('x')</script><!-- hidden -->kept<style>p{}</style>"));
        assertEquals("• one\n• two", PlainText.of("<ul><li>one</li><li>two</li></ul>"));
        assertEquals("1 < 2 and 3 > 2", PlainText.of("1 < 2 and 3 > 2"));
        assertEquals("&bogus; stays", PlainText.of("&bogus; stays"));
        assertNull(PlainText.of("  <br>  "));
        assertNull(PlainText.of(null));
    }
}
