package org.incidentatlas.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentStore;
import org.junit.jupiter.api.Test;

class IdIndexTest {
    private static Incident inc(String id) {
        return new Incident(id, "t", null, null, new Category("c", "C", null), null, null, List.of(), List.of(),
                List.of());
    }

    @Test
    void findsIdsThroughGrowthAndTellsApartIdsWithTheSameHash() {
        IncidentStore store = new IncidentStore();
        IdIndex ids = new IdIndex(store);
        // "Aa" and "BB" have the same String hash code, and so do their concatenations
        String[] same = {"AaAa", "AaBB", "BBAa", "BBBB"};
        for (String id : same) {
            assertFalse(ids.contains(id));
            ids.add(id, store.size());
            store.add(inc(id));
        }
        for (int i = 0; i < 5_000; i++) {
            String id = "e" + i;
            assertFalse(ids.contains(id));
            ids.add(id, store.size());
            store.add(inc(id));
        }
        for (String id : same) {
            assertTrue(ids.contains(id));
        }
        for (int i = 0; i < 5_000; i++) {
            assertTrue(ids.contains("e" + i));
        }
        assertFalse(ids.contains("AaAaAa"));
        assertFalse(ids.contains("e5000"));
    }
}
