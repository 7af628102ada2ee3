package org.incidentatlas.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.incidentatlas.io.EventFileReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplorerStateTest {
    private ExplorerState state;

    @BeforeEach
    void load() {
        state = new ExplorerState(new EventFileReader(), Runnable::run, Runnable::run);
        state.open(Path.of("data", "events.json"));
    }

    @Test
    void openingShowsEverythingAndSelectsNothing() {
        assertFalse(state.getCatalog().isEmpty());
        assertEquals(-1, state.getSelectedIndex());
        assertEquals(state.getCatalog().size(), state.visibleCountProperty().get());
        assertEquals(Path.of("data", "events.json"), state.fileProperty().get());
        assertFalse(state.loadingProperty().get());
    }

    @Test
    void nextAndPreviousWalkInTimeOrder() {
        state.selectNext();
        assertEquals("2014-2017-isis-anbar", state.selectedIncidentProperty().get().id());
        state.selectNext();
        assertEquals("2020-01-soleimani-strike", state.selectedIncidentProperty().get().id());
        state.selectNext();
        assertEquals("2020-01-al-asad-missiles", state.selectedIncidentProperty().get().id());
        state.selectPrevious();
        assertEquals("2020-01-soleimani-strike", state.selectedIncidentProperty().get().id());
        state.select(0);
        state.selectPrevious();
        assertEquals(0, state.getSelectedIndex(), "stops at the first");
        state.select(state.getCatalog().size() - 1);
        state.selectNext();
        assertEquals(state.getCatalog().size() - 1, state.getSelectedIndex(), "stops at the last");
    }

    @Test
    void selectingByIdFollowsLinks() {
        assertTrue(state.selectById("2021-06-bdsc-rocket"));
        assertEquals("2021-06-bdsc-rocket", state.selectedIncidentProperty().get().id());
        assertFalse(state.selectById("no-such-id"));
        assertEquals("2021-06-bdsc-rocket", state.selectedIncidentProperty().get().id());
        state.clearSelection();
        assertNull(state.selectedIncidentProperty().get());
    }

    @Test
    void theWindowDecidesWhatIsVisible() {
        int revision = state.visibilityRevisionProperty().get();
        state.setWindow(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-02-01T00:00:00Z"));
        assertTrue(state.visibilityRevisionProperty().get() > revision);
        var c = state.getCatalog();
        assertTrue(state.isVisible(c.indexOf("2020-01-al-asad-missiles")));
        assertTrue(state.isVisible(c.indexOf("2020-01-soleimani-strike")));
        assertFalse(state.isVisible(c.indexOf("2021-06-al-asad-drones")));
        assertFalse(state.isVisible(c.indexOf("2021-06-bdsc-rocket")));
        assertFalse(state.isVisible(c.indexOf("2014-2017-isis-anbar")));
        assertTrue(state.isVisible(c.indexOf("undated-al-asad-direct-attack")), "undated cannot leave a window");
        assertEquals(3, state.visibleCountProperty().get());
        state.resetWindow();
        assertEquals(c.size(), state.visibleCountProperty().get());
    }

    @Test
    void aBrokenFileKeepsTheLastGoodData(@TempDir Path dir) throws Exception {
        int before = state.getCatalog().size();
        state.select(1);
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"incident-atlas/1\", \"events\": [");
        state.open(broken);
        assertEquals(before, state.getCatalog().size());
        assertEquals(1, state.getSelectedIndex());
        assertEquals(1, state.problemsProperty().get().size());
        assertTrue(state.statusProperty().get().contains("still showing the previous data"),
                state.statusProperty().get());
        assertEquals(Path.of("data", "events.json"), state.fileProperty().get());
    }

    @Test
    void aLoadThatIsSupersededIsDropped(@TempDir Path dir) throws Exception {
        java.util.List<Runnable> pendingUi = new java.util.ArrayList<>();
        ExplorerState s = new ExplorerState(new EventFileReader(), Runnable::run, pendingUi::add);
        Path other = dir.resolve("one.json");
        Files.writeString(other, "{\"format\":\"incident-atlas/1\",\"categories\":[{\"id\":\"c\",\"label\":\"C\"}],"
                + "\"events\":[{\"id\":\"x\",\"title\":\"X\",\"category\":\"c\"}]}");
        s.open(Path.of("data", "events.json"));
        s.open(other);
        pendingUi.forEach(Runnable::run);
        assertEquals(1, s.getCatalog().size(), "only the newest open() is shown");
    }

    @Test
    void aReloadKeepsSelectionWindowAndFiltersWhereTheyStillApply(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("events.json");
        Files.copy(Path.of("data", "events.json"), f);
        state.open(f);
        state.selectById("2021-06-bdsc-rocket");
        state.setWindow(Instant.parse("2021-01-01T00:00:00Z"), Instant.parse("2021-07-01T00:00:00Z"));
        state.filtersProperty().set(Filters.NONE.withCategory("statement", false));
        Files.writeString(f, Files.readString(f).replace("\"2020-01-03\"", "\"2020-01-04\""));
        state.reload();
        assertEquals("2021-06-bdsc-rocket", state.selectedIncidentProperty().get().id());
        assertEquals(Instant.parse("2021-01-01T00:00:00Z"), state.getWindow().start());
        assertTrue(state.getFilters().hiddenCategories().contains("statement"));
        assertEquals(Instant.parse("2020-01-04T00:00:00Z"),
                state.getCatalog().get(state.getCatalog().indexOf("2020-01-soleimani-strike")).when().earliest());

        // the selected incident is gone from the new version: nothing stays selected
        String text = Files.readString(f);
        Files.writeString(f, text.replace("\"id\": \"2021-06-bdsc-rocket\"", "\"id\": \"renamed-rocket\""));
        state.reload();
        assertEquals(-1, state.getSelectedIndex());
    }

    @Test
    void cancellingALoadKeepsWhatWasShown(@TempDir Path dir) throws Exception {
        java.util.List<Runnable> work = new java.util.ArrayList<>();
        ExplorerState s = new ExplorerState(new EventFileReader(), work::add, Runnable::run);
        s.open(Path.of("data", "events.json"));
        work.remove(0).run();
        int before = s.getCatalog().size();
        s.open(Path.of("data", "events.json"));
        s.cancelLoad();
        work.remove(0).run();
        assertEquals(before, s.getCatalog().size());
        assertTrue(s.statusProperty().get().contains("cancelled"), s.statusProperty().get());
        assertFalse(s.loadingProperty().get());
    }

    @Test
    void aBigCatalogIsFilteredInTheBackgroundAndOnlyTheLatestChangeApplies() throws Exception {
        java.util.ArrayDeque<Runnable> work = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Runnable> ui = new java.util.ArrayDeque<>();
        ExplorerState s = new ExplorerState(new EventFileReader(), Runnable::run, work::add, ui::add);
        s.filterInBackgroundFrom(1); // the seed counts as big here
        var seed = new EventFileReader().read(Path.of("data", "events.json"));
        s.show(seed);
        int all = s.getCatalog().size();
        int drones = s.getCatalog().indexOf("2021-06-al-asad-drones");
        int rocket = s.getCatalog().indexOf("2021-06-bdsc-rocket");
        s.select(rocket);
        int[] appliedChanges = new int[1];
        s.appliedFiltersProperty().addListener(o -> appliedChanges[0]++);

        Filters hideRockets = Filters.NONE.withCategory(s.getCatalog().get(rocket).category().id(), false);
        s.filtersProperty().set(hideRockets);
        assertTrue(s.filteringProperty().get());
        assertEquals(Filters.NONE, s.getAppliedFilters(), "the views keep the previous result meanwhile");
        assertEquals(all, s.includedCountProperty().get());
        assertTrue(s.isIncluded(rocket));

        Filters drone = Filters.NONE.withText("drones shot down");
        s.filtersProperty().set(drone); // before the first change was applied
        while (!work.isEmpty()) {
            work.poll().run();
        }
        assertEquals(1, ui.size(), "the stale change was skipped");
        assertEquals(0, appliedChanges[0], "nothing applied while filtering");
        ui.poll().run();
        assertEquals(1, appliedChanges[0], "views listing what is included hear of the result once");
        assertFalse(s.filteringProperty().get());
        assertEquals(drone, s.getAppliedFilters());
        assertEquals(1, s.includedCountProperty().get());
        assertTrue(s.isIncluded(drones));
        assertFalse(s.isIncluded(rocket));
        assertEquals(-1, s.getSelectedIndex(), "a filtered-out incident does not stay selected");
        assertEquals(1, s.visibleCountProperty().get());

        // a result for a catalog that has since been replaced is dropped
        s.filtersProperty().set(hideRockets);
        s.show(seed);
        while (!work.isEmpty()) {
            work.poll().run();
        }
        while (!ui.isEmpty()) {
            ui.poll().run();
        }
        assertFalse(s.filteringProperty().get());
        assertEquals(Filters.NONE, s.getAppliedFilters());
        assertEquals(all, s.includedCountProperty().get());
        assertTrue(s.isIncluded(rocket));
    }
}
