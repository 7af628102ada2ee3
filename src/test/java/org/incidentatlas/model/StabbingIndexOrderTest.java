package org.incidentatlas.model;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The interval tree takes its extents in earliest order, as the catalog holds them, and refuses any other. */
class StabbingIndexOrderTest {
    @Test
    void extentsOutOfEarliestOrderAreRefused() {
        long[] earliest = {0, 10, 5};
        long[] latest = {20, 30, 40};
        assertThrows(IllegalArgumentException.class, () -> new StabbingIndex(earliest, latest, 3));
    }
}
