package org.incidentatlas.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.model.GeoBounds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filters compose with each other and with the time window. */
class FiltersTest {
    private ExplorerState state;

    @BeforeEach
    void load() {
        state = new ExplorerState(new EventFileReader(), Runnable::run, Runnable::run);
        state.open(Path.of("data", "events.json"));
    }

    private int idx(String id) {
        return state.getCatalog().indexOf(id);
    }

    @Test
    void theCatalogWideMatcherAgreesWithTestingEachIncident() {
        var c = state.getCatalog();
        java.util.List<Filters> filters = java.util.List.of(Filters.NONE,
                Filters.NONE.withCategory(c.get(0).category().id(), false),
                Filters.NONE.withRegion(Filters.NO_REGION, false), Filters.NONE.withRegion("Al Anbar", false),
                Filters.NONE.withMapExtent(new GeoBounds(33, 42, 34, 43)), Filters.NONE.withText("DRONE asad"),
                Filters.NONE.withText("base").withRegion("Baghdad", false).withMapExtent(new GeoBounds(30, 40, 37, 46)));
        int passing = 0;
        for (Filters f : filters) {
            var matcher = f.matcher(c);
            for (int i = 0; i < c.size(); i++) {
                assertEquals(f.test(c.get(i)), matcher.test(i), f + " at " + i);
                passing += matcher.test(i) ? 1 : 0;
            }
        }
        assertTrue(passing > 0 && passing < filters.size() * c.size()); // the filters both pass and stop some
    }

    @Test
    void searchMatchesTitleSummaryPlaceTagsAndSourcesWithAllWords() {
        state.filtersProperty().set(Filters.NONE.withText("drone"));
        // the drone incident, and the two whose summaries mention the drones (the rocket hours before them,
        // and the undated earlier attack on the same base)
        assertEquals(3, state.includedCountProperty().get());
        assertTrue(state.isIncluded(idx("2021-06-al-asad-drones")));
        assertFalse(state.isIncluded(idx("2020-01-al-asad-missiles")));
        state.filtersProperty().set(Filters.NONE.withText("intercepted"));
        assertEquals(1, state.includedCountProperty().get());
        state.filtersProperty().set(Filters.NONE.withText("marotto")); // a source's speaker
        assertTrue(state.isIncluded(idx("2021-06-bdsc-rocket")));
        state.filtersProperty().set(Filters.NONE.withText("AL-ASAD missile")); // all words, any case
        assertTrue(state.isIncluded(idx("2020-01-al-asad-missiles")));
        assertFalse(state.isIncluded(idx("2021-04-joint-statement")));
        assertFalse(state.isIncluded(idx("2021-06-al-asad-drones")), "mentions Al-Asad but no missile");
    }

    @Test
    void categoriesRegionsAndWindowCompose() {
        Filters f = Filters.NONE.withCategory("rocket-attack", false).withRegion("Baghdad", false);
        state.filtersProperty().set(f);
        assertFalse(state.isIncluded(idx("2021-06-bdsc-rocket")));
        assertFalse(state.isIncluded(idx("2020-01-soleimani-strike")), "Baghdad region off");
        assertTrue(state.isIncluded(idx("2021-06-al-asad-drones")));
        int included = state.includedCountProperty().get();
        assertEquals(state.getCatalog().size() - 2, included);
        state.setWindow(Instant.parse("2021-06-01T00:00:00Z"), Instant.parse("2021-06-30T00:00:00Z"));
        // drones (June) + the undated attack, which no window hides
        assertEquals(2, state.visibleCountProperty().get());
        state.filtersProperty().set(f.withCategory("rocket-attack", true));
        assertEquals(2, state.visibleCountProperty().get(), "the rocket is in Baghdad, which is still off");
        state.filtersProperty().set(Filters.NONE);
        assertEquals(3, state.visibleCountProperty().get());
    }

    @Test
    void onlyWhatTheMapShowsFollowsTheMap() {
        state.setMapExtent(new GeoBounds(33.5, 42, 34, 43)); // around Al-Asad only
        state.filtersProperty().set(Filters.NONE.withMapExtent(state.mapExtentProperty().get()));
        assertTrue(state.isIncluded(idx("2021-06-al-asad-drones")));
        assertFalse(state.isIncluded(idx("2021-06-bdsc-rocket")));
        state.setMapExtent(new GeoBounds(33, 44, 33.5, 44.5)); // the map moved to Baghdad
        assertTrue(state.isIncluded(idx("2021-06-bdsc-rocket")));
        assertFalse(state.isIncluded(idx("2021-06-al-asad-drones")));
        assertTrue(state.isIncluded(idx("2021-04-joint-statement")), "its country-level point sits in Baghdad");
        assertFalse(state.isIncluded(idx("2014-2017-isis-anbar")));
    }

    @Test
    void aFilteredOutSelectionIsDroppedAndArrowsSkipFilteredIncidents() {
        state.selectById("2021-06-bdsc-rocket");
        state.filtersProperty().set(Filters.NONE.withCategory("rocket-attack", false));
        assertEquals(-1, state.getSelectedIndex());
        state.select(idx("2021-04-joint-statement"));
        state.selectNext();
        assertEquals("2021-06-al-asad-drones", state.selectedIncidentProperty().get().id(), "skips the rocket");
    }
}
