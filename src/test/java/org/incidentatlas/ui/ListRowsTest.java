package org.incidentatlas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ListRowsTest {
    @Test
    void aTitleWithLineBreaksShowsOnOneLine() {
        assertEquals("Two drones shot down near Al-Asad", ListRows.oneLine("Two drones\nshot down\r\nnear Al-Asad"));
        assertEquals("a b c", ListRows.oneLine("a\u2028b\u2029c"));
        assertEquals("a b", ListRows.oneLine("a\n\n\nb"));
        String plain = "Rocket strikes near the BDSC";
        assertSame(plain, ListRows.oneLine(plain), "no copy when there is nothing to change");
        assertNull(ListRows.oneLine(null));
    }
}
