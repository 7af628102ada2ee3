package org.incidentatlas.viewmodel;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.model.Narrative;

/**
 * Story mode: steps through one of the file's narratives. Each step selects its incident (the map flies to it),
 * moves the time window around it, and is highlighted on map and timeline; the views read {@link #stepIndices()}
 * and {@link #stepProperty()} to draw the numbered steps and the arrows between them.
 *
 * <p>A step whose incident is not in the loaded file was already dropped by the reader with a warning, so every
 * step names a loaded incident. When the file reloads, the story continues if the narrative is still there
 * (its step clamped to the new length), and ends otherwise.
 */
public final class Story {
    /** The smallest time window a step shows: two days, so that the hours around an incident stay in view. */
    static final long MIN_WINDOW_MILLIS = 2L * 24 * 3600 * 1000;

    private final ExplorerState state;
    private final ReadOnlyObjectWrapper<Narrative> narrative = new ReadOnlyObjectWrapper<>(this, "narrative");
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", -1);
    private int[] indices = new int[0];
    private String[] notes = new String[0];

    Story(ExplorerState state) {
        this.state = state;
        state.catalogProperty().addListener((obs, old, c) -> followReload(c));
    }

    /** Starts telling {@code n} at its first step. */
    public void start(Narrative n) {
        Objects.requireNonNull(n, "narrative");
        narrative.set(n);
        resolve(state.getCatalog(), n);
        step.set(-1);
        goTo(0);
    }

    /** Starts the narrative with this id; false when the file has none by that id. */
    public boolean start(String narrativeId) {
        for (Narrative n : state.getCatalog().narratives()) {
            if (n.id().equals(narrativeId)) {
                start(n);
                return true;
            }
        }
        return false;
    }

    /** Ends story mode; the selection and window stay where the last step left them. */
    public void stop() {
        narrative.set(null);
        indices = new int[0];
        notes = new String[0];
        step.set(-1);
    }

    public boolean isActive() {
        return narrative.get() != null;
    }

    public void next() {
        if (hasNext()) {
            goTo(step.get() + 1);
        }
    }

    public void previous() {
        if (hasPrevious()) {
            goTo(step.get() - 1);
        }
    }

    public boolean hasNext() {
        return isActive() && step.get() + 1 < indices.length;
    }

    public boolean hasPrevious() {
        return isActive() && step.get() > 0;
    }

    /** Shows step {@code k} (0-based): selects its incident and moves the time window to it. */
    public void goTo(int k) {
        if (!isActive() || k < 0 || k >= indices.length) {
            return;
        }
        int index = indices[k];
        if (!state.isIncluded(index)) {
            // A story told with holes misleads: show every step even if the filters would hide it.
            state.filtersProperty().set(Filters.NONE);
        }
        IncidentCatalog c = state.getCatalog();
        if (index < c.datedCount()) {
            long[] w = windowFor(c.earliestMillis(index), c.latestMillis(index));
            state.setWindow(Instant.ofEpochMilli(w[0]), Instant.ofEpochMilli(w[1]));
        }
        step.set(k);
        state.select(index);
    }

    /**
     * The time window that shows an incident spanning [{@code from}, {@code to}] with context: its extent plus a
     * fifth on each side, at least {@link #MIN_WINDOW_MILLIS} wide, centred on it.
     */
    static long[] windowFor(long from, long to) {
        long extent = Math.max(0, to - from);
        long width = Math.max(MIN_WINDOW_MILLIS, extent + 2 * (extent / 5));
        long mid = from + extent / 2;
        long start = mid - width / 2;
        return new long[] {start, start + width};
    }

    /** The narrative being told, or {@code null} outside story mode. */
    public ReadOnlyObjectProperty<Narrative> narrativeProperty() {
        return narrative.getReadOnlyProperty();
    }

    public Narrative getNarrative() {
        return narrative.get();
    }

    /** The current step (0-based), or -1 outside story mode. */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public int getStep() {
        return step.get();
    }

    /** Number of steps of the current narrative (0 outside story mode). */
    public int stepCount() {
        return indices.length;
    }

    /** Catalog index of each step's incident, in telling order (a copy; empty outside story mode). */
    public int[] stepIndices() {
        return indices.clone();
    }

    /** The note of the current step, or {@code null}. */
    public String currentNote() {
        int k = step.get();
        return k < 0 || k >= notes.length ? null : notes[k];
    }

    private void followReload(IncidentCatalog c) {
        Narrative current = narrative.get();
        if (current == null) {
            return;
        }
        Narrative again = c.narratives().stream().filter(n -> n.id().equals(current.id())).findFirst().orElse(null);
        if (again == null) {
            stop();
            return;
        }
        narrative.set(again);
        resolve(c, again);
        if (indices.length == 0) {
            stop();
            return;
        }
        step.set(Math.min(step.get(), indices.length - 1));
    }

    private void resolve(IncidentCatalog c, Narrative n) {
        int[] idx = new int[n.steps().size()];
        String[] txt = new String[idx.length];
        int k = 0;
        for (var s : n.steps()) {
            int i = c.indexOf(s.incidentId());
            if (i >= 0) {
                idx[k] = i;
                txt[k++] = s.note();
            }
        }
        indices = Arrays.copyOf(idx, k);
        notes = Arrays.copyOf(txt, k);
    }

    @Override
    public String toString() {
        return "Story[" + (isActive() ? narrative.get().id() + " step " + step.get() + " " + Arrays.toString(indices)
                : "inactive") + "]";
    }
}
