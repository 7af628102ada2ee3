package org.incidentatlas.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.viewmodel.ExplorerState;
import org.incidentatlas.viewmodel.Playback;
import org.incidentatlas.viewmodel.TimeWindow;
import org.incidentatlas.viewmodel.WindowMode;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drags and keys on the timeline set exactly the expected window, without any UI. */
class TimelineBehaviorTest {
    private static final long DAY = 86_400_000L;
    private ExplorerState state;
    private Playback playback;
    private TimelineBehavior behavior;
    private TimelineGeometry geometry;

    @BeforeEach
    void setUp() {
        state = new ExplorerState(new EventFileReader(), Runnable::run, Runnable::run);
        state.open(Path.of("data", "events.json"));
        playback = new Playback(state);
        behavior = new TimelineBehavior(state, playback, () -> geometry, new TimelineBehavior.Hits() {
            @Override
            public int incidentAt(double x, double y) {
                return -1;
            }

            @Override
            public long[] aggregateAt(double x, double y) {
                return null;
            }
        });
        window("2020-01-01", "2020-02-01");
    }

    private void window(String from, String to) {
        state.setWindow(Instant.parse(from + "T00:00:00Z"), Instant.parse(to + "T00:00:00Z"));
        geometry = TimelineGeometry.of(state.getCatalog(), state.getWindow(), 1000, 300);
    }

    private static long ms(String date) {
        return Instant.parse(date + "T00:00:00Z").toEpochMilli();
    }

    private double detailX(String date) {
        return geometry.detail().toPixel(ms(date));
    }

    private double laneY() {
        return geometry.detailTop() + TimelineGeometry.RULER_HEIGHT + 30;
    }

    @Test
    void draggingTheDetailBandPansTheWindowByWhatTheMouseMoved() {
        double x = detailX("2020-01-15");
        behavior.pressed(x, laneY());
        assertEquals(TimelineBehavior.Drag.PAN, behavior.drag());
        behavior.dragged(detailX("2020-01-25"), laneY()); // content follows the mouse: the window moves earlier
        behavior.released();
        TimeWindow w = state.getWindow();
        assertEquals(ms("2019-12-22"), w.startMillis(), 1);
        assertEquals(ms("2020-01-22"), w.endMillis(), 1);
    }

    @Test
    void draggingAnEdgeResizesOnlyThatSide() {
        behavior.pressed(detailX("2020-01-01"), laneY());
        assertEquals(TimelineBehavior.Drag.LEFT_EDGE, behavior.drag());
        behavior.dragged(detailX("2020-01-10"), laneY());
        behavior.released();
        assertEquals(ms("2020-01-10"), state.getWindow().startMillis(), 1);
        assertEquals(ms("2020-02-01"), state.getWindow().endMillis());
    }

    @Test
    void brushingTheOverviewSetsANewWindowAndMovingItKeepsItsWidth() {
        TimeScale o = geometry.overview();
        double a = o.toPixel(ms("2016-01-01"));
        double b = o.toPixel(ms("2017-01-01"));
        behavior.pressed(a, 20);
        assertEquals(TimelineBehavior.Drag.BRUSH_NEW, behavior.drag());
        behavior.dragged(b, 20);
        behavior.released();
        assertEquals(ms("2016-01-01"), state.getWindow().startMillis(), o.millisPerPixel());
        assertEquals(ms("2017-01-01"), state.getWindow().endMillis(), o.millisPerPixel());
        geometry = TimelineGeometry.of(state.getCatalog(), state.getWindow(), 1000, 300);
        long width = state.getWindow().endMillis() - state.getWindow().startMillis();
        double mid = geometry.overview().toPixel(ms("2016-07-01"));
        behavior.pressed(mid, 25);
        assertEquals(TimelineBehavior.Drag.BRUSH_MOVE, behavior.drag());
        behavior.dragged(mid + 40, 25);
        behavior.released();
        assertEquals(width, state.getWindow().endMillis() - state.getWindow().startMillis());
        assertEquals(Math.round(40 * geometry.overview().millisPerPixel()),
                state.getWindow().startMillis() - ms("2016-01-01"), 2 * geometry.overview().millisPerPixel());
    }

    @Test
    void thePlayheadSlidesTheWindowOrExtendsItInCumulativeMode() {
        double x = detailX("2020-02-01");
        behavior.pressed(x, geometry.detailTop() + 5);
        assertEquals(TimelineBehavior.Drag.PLAYHEAD, behavior.drag());
        behavior.dragged(detailX("2020-02-03"), geometry.detailTop() + 5);
        behavior.released();
        assertEquals(ms("2020-02-03"), state.getWindow().endMillis(), 1);
        assertEquals(31 * DAY, state.getWindow().endMillis() - state.getWindow().startMillis(), 1);

        state.windowModeProperty().set(WindowMode.CUMULATIVE);
        state.setPlayhead(Instant.parse("2021-01-01T00:00:00Z"));
        assertEquals(ms("2014-01-01"), state.getWindow().startMillis(), "everything from the first incident");
        assertEquals(ms("2021-01-01"), state.getWindow().endMillis());
    }

    @Test
    void keysZoomAroundTheCentreAndSpaceToggles() {
        long before = state.getWindow().endMillis() - state.getWindow().startMillis();
        long centre = (state.getWindow().startMillis() + state.getWindow().endMillis()) / 2;
        assertTrue(behavior.keyPressed(KeyCode.PLUS));
        long after = state.getWindow().endMillis() - state.getWindow().startMillis();
        assertEquals(before / 1.5, after, 2);
        assertEquals(centre, (state.getWindow().startMillis() + state.getWindow().endMillis()) / 2, DAY / 10);
        assertTrue(behavior.keyPressed(KeyCode.SPACE));
        assertTrue(playback.playingProperty().get());
        assertTrue(behavior.keyPressed(KeyCode.SPACE));
        assertTrue(!playback.playingProperty().get());
        assertTrue(behavior.keyPressed(KeyCode.HOME));
        assertEquals(0, state.getSelectedIndex());
        assertTrue(!behavior.keyPressed(KeyCode.A));
    }

    @Test
    void playbackAdvancesByTheSpeedAndStopsOrLoopsAtTheEnd() {
        playback.speedProperty().set(Playback.Speed.DAY);
        playback.play();
        long before = state.getWindow().endMillis();
        playback.advance(2.0);
        assertEquals(before + 2 * DAY, state.getWindow().endMillis());
        state.setPlayhead(Instant.parse("2021-06-06T12:00:00Z"));
        playback.advance(1.0); // past the last incident's end (7 June): stops there
        assertEquals(ms("2021-06-07"), state.getWindow().endMillis());
        assertTrue(!playback.playingProperty().get());
        playback.loopProperty().set(true);
        playback.play(); // at the end: starts again from the beginning
        assertTrue(state.getWindow().endMillis() < ms("2015-01-01"), "rewound: " + state.getWindow().end());
        state.setPlayhead(Instant.parse("2021-06-06T12:00:00Z"));
        playback.advance(1.0);
        assertTrue(playback.playingProperty().get(), "loops instead of stopping");
        assertTrue(state.getWindow().endMillis() < ms("2015-01-01"));
    }
}
