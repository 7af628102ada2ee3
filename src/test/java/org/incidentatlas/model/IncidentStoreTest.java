package org.incidentatlas.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentStoreTest {
    private static final Category A = new Category("a", "A", null);
    private static final Category B = new Category("b", "B", null);

    private static Incident inc(int i, String summary) {
        return new Incident("id-" + i, "title " + i, i % 2 == 0 ? Edtf.parse("2021-06-0" + (1 + i % 9)) : null,
                null, i % 3 == 0 ? A : B, summary, null, List.of(), List.of("t" + i), List.of());
    }

    @Test
    void keepsEveryIncidentAcrossChunksIncludingOnesBiggerThanAChunk() {
        IncidentStore store = new IncidentStore();
        List<Incident> added = new ArrayList<>();
        // ~100 bytes each: 60k of them fill the doubling chunks and several full ones
        for (int i = 0; i < 60_000; i++) {
            Incident inc = inc(i, i == 30_000 ? "é".repeat(IncidentStore.CHUNK + 10) : "summary " + i);
            added.add(inc);
            store.add(inc);
        }
        assertEquals(added.size(), store.size());
        for (int i = 0; i < added.size(); i++) {
            assertEquals(added.get(i), store.get(i));
            assertEquals(added.get(i).hashCode(), store.get(i).hashCode());
            assertEquals(added.get(i).category(), store.get(i).category());
        }
        assertNotSame(store.get(5), store.get(5)); // views: equal, never the same object
        assertThrows(IndexOutOfBoundsException.class, () -> store.get(60_000));
    }

    @Test
    void chunksMadeAheadByAnotherThreadKeepEveryIncident() throws Exception {
        IncidentStore store = new IncidentStore();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread preparer = new Thread(() -> {
            while (!done.get()) {
                store.prepareChunk(); // as a reader's parsing thread does between batches
                Thread.onSpinWait();
            }
        });
        preparer.start();
        List<Incident> added = new ArrayList<>();
        try {
            for (int i = 0; i < 120_000; i++) { // ~12 MB: several full-size chunks after the doubling ones
                Incident inc = inc(i, "summary " + i);
                added.add(inc);
                store.add(inc);
            }
        } finally {
            done.set(true);
            preparer.join();
        }
        for (int i = 0; i < added.size(); i++) {
            assertEquals(added.get(i), store.get(i));
        }
        store.prepareChunk();
        assertTrue(store.hasSpareChunk(), "full-size chunks reached: a spare is made");
        store.trim();
        assertFalse(store.hasSpareChunk(), "a finished store keeps no spare");
    }

    @Test
    void aPermutedAndTrimmedStoreReadsTheSameIncidents() {
        IncidentStore store = new IncidentStore();
        for (int i = 0; i < 500; i++) {
            store.add(inc(i, null));
        }
        store.trim();
        int[] order = new int[500];
        for (int k = 0; k < 500; k++) {
            order[k] = 499 - k;
        }
        IncidentStore reversed = store.permuted(order);
        for (int k = 0; k < 500; k++) {
            assertEquals(store.get(499 - k), reversed.get(k));
        }
    }
}
