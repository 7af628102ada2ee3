package org.incidentatlas.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.model.IncidentCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoryTest {
    private static final String SEQUENCE = "june-2021-sequence";
    private ExplorerState state;
    private Story story;

    @BeforeEach
    void load() {
        state = new ExplorerState(new EventFileReader(), Runnable::run, Runnable::run);
        state.open(Path.of("data", "events.json"));
        story = state.story();
    }

    private String selectedId() {
        return state.selectedIncidentProperty().get().id();
    }

    @Test
    void startsInactive() {
        assertFalse(story.isActive());
        assertEquals(-1, story.getStep());
        assertEquals(0, story.stepCount());
        assertFalse(story.hasNext());
    }

    @Test
    void nextAndPreviousWalkTheNarrativeInTellingOrder() {
        assertTrue(story.start(SEQUENCE));
        assertEquals(0, story.getStep());
        assertEquals("2014-2017-isis-anbar", selectedId());
        assertFalse(story.hasPrevious());
        story.next();
        assertEquals("2020-01-soleimani-strike", selectedId());
        story.next();
        story.next();
        assertEquals("undated-al-asad-direct-attack", selectedId(), "the story follows its own order, not time");
        story.previous();
        assertEquals("2020-01-al-asad-missiles", selectedId());
        while (story.hasNext()) {
            story.next();
        }
        assertEquals(story.stepCount() - 1, story.getStep());
        String last = selectedId();
        story.next();
        assertEquals(last, selectedId(), "Next at the last step stays there");
    }

    @Test
    void eachStepMovesTheWindowOntoItsIncident() {
        story.start(SEQUENCE);
        while (!selectedId().equals("2021-06-bdsc-rocket")) {
            story.next();
        }
        IncidentCatalog c = state.getCatalog();
        int i = state.getSelectedIndex();
        TimeWindow w = state.getWindow();
        assertTrue(w.startMillis() <= c.earliestMillis(i) && c.latestMillis(i) <= w.endMillis(), w.toString());
        assertTrue(w.endMillis() - w.startMillis() <= 3L * 24 * 3600 * 1000,
                "a step of hours gets a window of days, not years: " + w);
        assertTrue(state.isVisible(i));
    }

    @Test
    void theStepNoteFollowsTheStep() {
        story.start(SEQUENCE);
        assertTrue(story.currentNote().contains("hotbed of ISIS"), story.currentNote());
        story.next();
        assertTrue(story.currentNote().contains("Soleimani"), story.currentNote());
    }

    @Test
    void aStepHiddenByFiltersIsShownAnyway() {
        String rocketCategory = state.getCatalog().get(state.getCatalog().indexOf("2014-2017-isis-anbar"))
                .category().id();
        state.filtersProperty().set(Filters.NONE.withCategory(rocketCategory, false));
        story.start(SEQUENCE);
        assertEquals("2014-2017-isis-anbar", selectedId());
        assertTrue(state.getFilters().isNone());
    }

    @Test
    void stopEndsStoryModeAndKeepsTheSelection() {
        story.start(SEQUENCE);
        story.next();
        story.stop();
        assertFalse(story.isActive());
        assertNull(story.getNarrative());
        assertEquals(-1, story.getStep());
        assertEquals("2020-01-soleimani-strike", selectedId());
    }

    @Test
    void unknownNarrativeDoesNotStart() {
        assertFalse(story.start("no-such-story"));
        assertFalse(story.isActive());
    }

    @Test
    void reloadKeepsTheStoryAndItsStep() {
        story.start(SEQUENCE);
        story.next();
        int[] before = story.stepIndices();
        state.reload();
        assertTrue(story.isActive());
        assertEquals(1, story.getStep());
        assertArrayEquals(before, story.stepIndices());
    }

    @Test
    void windowForGivesContextAndAMinimumWidth() {
        long day = 24L * 3600 * 1000;
        long[] w = Story.windowFor(10 * day, 10 * day + 3600_000);
        assertEquals(Story.MIN_WINDOW_MILLIS, w[1] - w[0]);
        assertTrue(w[0] < 10 * day && w[1] > 10 * day + 3600_000);
        long[] years = Story.windowFor(0, 1000 * day);
        assertEquals(1400 * day, years[1] - years[0]);
        assertEquals(-200 * day, years[0]);
    }
}
