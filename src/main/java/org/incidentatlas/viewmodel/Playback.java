package org.incidentatlas.viewmodel;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Plays the timeline: moves {@link ExplorerState}'s playhead forward at a chosen speed, then stops or loops.
 * Has no clock of its own: the view calls {@link #advance(double)} from its animation timer with the real
 * seconds elapsed, so tests drive it exactly. UI thread only.
 */
public final class Playback {
    /** How much incident time passes per real second. */
    public enum Speed {
        HOUR("1 hour / s", Duration.ofHours(1)), SIX_HOURS("6 hours / s", Duration.ofHours(6)),
        DAY("1 day / s", Duration.ofDays(1)), WEEK("1 week / s", Duration.ofDays(7)),
        MONTH("1 month / s", Duration.ofDays(30)), YEAR("1 year / s", Duration.ofDays(365));

        private final String label;
        private final Duration perSecond;

        Speed(String label, Duration perSecond) {
            this.label = label;
            this.perSecond = perSecond;
        }

        public Duration perSecond() {
            return perSecond;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ExplorerState state;
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final BooleanProperty loop = new SimpleBooleanProperty(this, "loop");
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(this, "speed", Speed.MONTH);

    public Playback(ExplorerState state) {
        this.state = state;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public BooleanProperty loopProperty() {
        return loop;
    }

    public ObjectProperty<Speed> speedProperty() {
        return speed;
    }

    /** Starts playing; from the beginning when the playhead is already at the end. */
    public void play() {
        Instant[] span = state.getCatalog().timeSpan().orElse(null);
        if (span == null || state.getWindow() == null) {
            return;
        }
        if (!state.getPlayhead().isBefore(span[1])) {
            rewind(span);
        }
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public void toggle() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Moves the playhead by {@code seconds} of real time at the current speed; stops or loops at the end. */
    public void advance(double seconds) {
        if (!playing.get() || seconds <= 0) {
            return;
        }
        Instant[] span = state.getCatalog().timeSpan().orElse(null);
        if (span == null || state.getWindow() == null) {
            playing.set(false);
            return;
        }
        long step = (long) (speed.get().perSecond().toMillis() * seconds);
        Instant next = state.getPlayhead().plusMillis(Math.max(1, step));
        if (next.isAfter(span[1])) {
            if (loop.get()) {
                rewind(span);
            } else {
                state.setPlayhead(span[1]);
                playing.set(false);
            }
            return;
        }
        state.setPlayhead(next);
    }

    /** Puts the playhead at the start, so that a sliding window just begins to show the first incident. */
    private void rewind(Instant[] span) {
        var w = state.getWindow();
        long width = w.endMillis() - w.startMillis();
        long total = span[1].toEpochMilli() - span[0].toEpochMilli();
        state.setPlayhead(span[0].plusMillis(Math.min(width, Math.max(1, total / 100))));
    }
}
