package org.incidentatlas.viewmodel;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.incidentatlas.io.EventFileException;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.io.LoadResult;
import org.incidentatlas.io.Problem;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;

/**
 * The single source of truth shared by every view: the loaded catalog, the selected incident, the time window
 * and what is visible in it, and the state of loading.
 *
 * <p>Views read these properties and ask this object to change; no view talks to another. All properties
 * belong to the UI thread: call every method on it. File reading runs on the injected background executor and
 * its result is applied through the injected UI executor (tests pass same-thread executors).
 */
public final class ExplorerState {
    private final EventFileReader reader;
    private final Executor background;
    private final Executor filtering;
    private final Executor ui;
    private final AtomicLong loadGeneration = new AtomicLong();
    private volatile java.util.concurrent.atomic.AtomicBoolean cancelRequested =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final javafx.beans.property.ReadOnlyDoubleWrapper loadProgress =
            new javafx.beans.property.ReadOnlyDoubleWrapper(this, "loadProgress");

    private final ReadOnlyObjectWrapper<IncidentCatalog> catalog = new ReadOnlyObjectWrapper<>(this, "catalog",
            IncidentCatalog.empty());
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(this, "selectedIndex", -1);
    private final ReadOnlyObjectWrapper<Incident> selectedIncident = new ReadOnlyObjectWrapper<>(this,
            "selectedIncident");
    private final ObjectProperty<TimeWindow> window = new SimpleObjectProperty<>(this, "window");
    private final ObjectProperty<WindowMode> windowMode = new SimpleObjectProperty<>(this, "windowMode",
            WindowMode.SLIDING);
    private final ReadOnlyIntegerWrapper visibleCount = new ReadOnlyIntegerWrapper(this, "visibleCount");
    private final ReadOnlyIntegerWrapper visibilityRevision = new ReadOnlyIntegerWrapper(this, "visibilityRevision");
    private final ReadOnlyObjectWrapper<List<Problem>> problems = new ReadOnlyObjectWrapper<>(this, "problems",
            List.of());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "No file open");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ObjectProperty<Filters> filters = new SimpleObjectProperty<>(this, "filters", Filters.NONE);
    private final ReadOnlyIntegerWrapper includedCount = new ReadOnlyIntegerWrapper(this, "includedCount");
    private final ReadOnlyObjectWrapper<Integer> revealRequest = new ReadOnlyObjectWrapper<>(this, "revealRequest");
    private java.util.BitSet included;
    /** The filters {@link #included} is the result of: lags {@link #filters} while a big catalog is filtered. */
    private final ReadOnlyObjectWrapper<Filters> applied = new ReadOnlyObjectWrapper<>(this, "appliedFilters",
            Filters.NONE);
    /** Catalogs from this size are filtered on the filtering executor, so that the window never waits for it. */
    static final int FILTER_IN_BACKGROUND_FROM = 50_000;
    private int filterInBackgroundFrom = FILTER_IN_BACKGROUND_FROM;
    /**
     * Counts filter changes: a background result applies only if no change came after the one it was for, and
     * the filtering thread skips a queued job that a newer change made stale.
     */
    private final AtomicLong filterGeneration = new AtomicLong();
    private final ReadOnlyBooleanWrapper filteringNow = new ReadOnlyBooleanWrapper(this, "filtering");
    private final ReadOnlyObjectWrapper<org.incidentatlas.model.GeoBounds> mapExtent = new ReadOnlyObjectWrapper<>(
            this, "mapExtent");
    private final Story story;

    /**
     * @param reader     reads event files (on the background executor)
     * @param background runs file reading
     * @param ui         runs results on the UI thread, e.g. {@code Platform::runLater}
     */
    public ExplorerState(EventFileReader reader, Executor background, Executor ui) {
        this(reader, background, background, ui);
    }

    /**
     * @param filtering applies filters to big catalogs ({@value #FILTER_IN_BACKGROUND_FROM} incidents and more);
     *                  best a thread of its own, so that a filter never waits behind a file being read
     */
    public ExplorerState(EventFileReader reader, Executor background, Executor filtering, Executor ui) {
        this.reader = Objects.requireNonNull(reader);
        this.background = Objects.requireNonNull(background);
        this.filtering = Objects.requireNonNull(filtering);
        this.ui = Objects.requireNonNull(ui);
        window.addListener((obs, o, n) -> recomputeVisible());
        filters.addListener((obs, o, n) -> filtersChanged());
        selectedIndex.addListener((obs, o, n) -> {
            int i = n.intValue();
            selectedIncident.set(i < 0 ? null : catalog.get().get(i));
        });
        story = new Story(this);
    }

    /** Story mode: stepping through the file's narratives. */
    public Story story() {
        return story;
    }

    // ---- loading --------------------------------------------------------------------------------------------

    /**
     * Reads {@code path} in the background and shows it when done. While it loads, the current data stays on
     * screen; if the file cannot be read, it stays and {@link #problemsProperty()} says why.
     */
    public void open(Path path) {
        open(path, importOptionsFor.apply(path));
    }

    /**
     * Opens {@code path} with import choices (format, GeoJSON time property, CSV column mapping, …) instead of
     * the guesses; reloads of that file keep them.
     */
    public void open(Path path, org.incidentatlas.io.formats.ImportOptions options) {
        load(path, false, Objects.requireNonNull(options));
    }

    /** Reads the open file again with other import choices, keeping selection, window and filters. */
    public void reopenWith(org.incidentatlas.io.formats.ImportOptions options) {
        Path f = file.get();
        if (f != null) {
            load(f, true, Objects.requireNonNull(options));
        }
    }

    private java.util.function.Function<Path, org.incidentatlas.io.formats.ImportOptions> importOptionsFor =
            p -> org.incidentatlas.io.formats.ImportOptions.DEFAULTS;
    private org.incidentatlas.io.formats.ImportOptions fileOptions = org.incidentatlas.io.formats.ImportOptions.DEFAULTS;
    private final ReadOnlyObjectWrapper<org.incidentatlas.io.formats.Format> fileFormat = new ReadOnlyObjectWrapper<>(
            this, "fileFormat");

    /** Chooses the import options of a file opened without explicit ones (e.g. a remembered CSV mapping). */
    public void setImportOptionsFor(java.util.function.Function<Path, org.incidentatlas.io.formats.ImportOptions> f) {
        importOptionsFor = Objects.requireNonNull(f);
    }

    /** The import options the open file was read with. */
    public org.incidentatlas.io.formats.ImportOptions getFileOptions() {
        return fileOptions;
    }

    /** The format the open file was read as, or {@code null} before any file. */
    public ReadOnlyObjectProperty<org.incidentatlas.io.formats.Format> fileFormatProperty() {
        return fileFormat.getReadOnlyProperty();
    }

    /**
     * Reads the open file again (it changed on disk) and shows it keeping the selection, window and filters where
     * the incidents still exist. A broken new version leaves the last good data on screen and says why.
     */
    public void reload() {
        Path f = file.get();
        if (f != null) {
            load(f, true, fileOptions);
        }
    }

    /** Stops the load in progress; what was on screen stays. */
    public void cancelLoad() {
        cancelRequested.set(true);
    }

    private void load(Path path, boolean keepView, org.incidentatlas.io.formats.ImportOptions options) {
        long generation = loadGeneration.incrementAndGet();
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        cancelRequested = cancelled;
        loading.set(true);
        loadProgress.set(-1);
        status.set((keepView ? "Reloading " : "Loading ") + path.getFileName() + " …");
        background.execute(() -> {
            LoadResult result = null;
            org.incidentatlas.io.formats.Format format = null;
            Problem failure = null;
            boolean wasCancelled = false;
            try {
                org.incidentatlas.io.FilePreflight.check(path); // no pipes, directories or files too big to hold
                long size = Math.max(1, java.nio.file.Files.size(path));
                var imported = org.incidentatlas.io.formats.Formats.read(path, options, reader,
                        bytes -> ui.execute(() -> loadProgress.set(Math.min(1.0, bytes / (double) size))),
                        cancelled::get);
                result = imported.result();
                format = imported.format();
            } catch (EventFileException e) {
                if (e.getCause() instanceof org.incidentatlas.io.ProgressInputStream.Cancelled) {
                    wasCancelled = true;
                } else {
                    failure = e.problem();
                }
            } catch (org.incidentatlas.io.ProgressInputStream.Cancelled e) {
                wasCancelled = true;
            } catch (java.nio.file.NoSuchFileException e) {
                failure = new Problem(Problem.Severity.ERROR, "$", 0, 0, "no such file");
            } catch (java.io.IOException e) {
                failure = new Problem(Problem.Severity.ERROR, "$", 0, 0, "cannot read the file: " + e.getMessage());
            } catch (OutOfMemoryError e) {
                failure = new Problem(Problem.Severity.ERROR, "$", 0, 0, "not enough memory to read the file; "
                        + "start Incident Atlas with a larger -Xmx");
            } catch (RuntimeException | StackOverflowError e) {
                // a reader bug must not leave "Loading" on for ever: say so, keep what is on screen
                failure = new Problem(Problem.Severity.ERROR, "$", 0, 0, "internal error while reading ("
                        + e.getClass().getSimpleName() + "); please report this file");
            }
            LoadResult r = result;
            org.incidentatlas.io.formats.Format fmt = format;
            Problem f = failure;
            boolean c = wasCancelled;
            ui.execute(() -> {
                if (generation != loadGeneration.get()) {
                    return; // a newer load superseded this one
                }
                loading.set(false);
                loadProgress.set(0);
                String keeping = catalog.get().isEmpty() ? "" : " — still showing the previous data";
                if (c) {
                    status.set("Loading " + path.getFileName() + " cancelled" + keeping);
                } else if (f != null) {
                    problems.set(List.of(f));
                    status.set("Could not " + (keepView ? "reload " : "open ") + path.getFileName() + ": "
                            + f.position() + " " + f.message() + keeping);
                } else {
                    fileOptions = options;
                    fileFormat.set(fmt);
                    if (keepView) {
                        reconcile(r);
                    } else {
                        file.set(path);
                        show(r);
                    }
                }
            });
        });
    }

    /** Shows a new version of the open file, keeping selection, window and filters where they still apply. */
    private void reconcile(LoadResult result) {
        String selectedId = selectedIncident.get() == null ? null : selectedIncident.get().id();
        TimeWindow keptWindow = window.get();
        Filters keptFilters = filters.get();
        show(result);
        filters.set(keptFilters);
        if (keptWindow != null) {
            window.set(keptWindow);
        }
        if (selectedId != null) {
            selectById(selectedId);
        }
        status.set("Reloaded " + result.sourceName() + " (" + Counts.grouped(result.catalog().size()) + " incidents)"
                + (result.problems().isEmpty() ? "" : " · " + result.problems().size() + " problems"));
    }

    /** Progress of the load in progress: 0–1 as bytes are read, -1 when unknown. */
    public javafx.beans.property.ReadOnlyDoubleProperty loadProgressProperty() {
        return loadProgress.getReadOnlyProperty();
    }

    /** Says in the status line that a saved view could not be used. */
    public void reportViewProblem(String message) {
        status.set("View not restored: " + message);
    }

    /** Says in the status line that there is nothing to show because {@code path} does not exist. */
    public void reportMissingDefault(Path path) {
        status.set("No events file: " + path.toAbsolutePath() + " does not exist. Use File ▸ Open (Ctrl+O).");
    }

    /** Shows an already read result: replaces the catalog, resets the window to everything, keeps no selection. */
    public void show(LoadResult result) {
        IncidentCatalog c = result.catalog();
        selectedIndex.set(-1);
        catalog.set(c);
        problems.set(result.problems());
        filters.set(Filters.NONE);
        recomputeIncluded();
        window.set(null);
        resetWindow();
        recomputeVisible();
        long errors = result.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        var fmt = fileFormat.get();
        status.set(Counts.grouped(c.size()) + " incidents loaded from " + result.sourceName()
                + (fmt == null || fmt == org.incidentatlas.io.formats.Format.NATIVE ? "" : " (read as " + fmt.label()
                + (fmt == org.incidentatlas.io.formats.Format.CSV || fmt == org.incidentatlas.io.formats.Format.GEOJSON
                ? "; File ▸ Import Options… to change how" : "") + ")")
                + (result.problems().isEmpty() ? "" : " · " + errors + " skipped/errors, "
                + (result.problems().size() - errors) + " warnings"));
    }

    // ---- selection ------------------------------------------------------------------------------------------

    /** Selects the incident at {@code index} (catalog order), or clears the selection with -1. */
    public void select(int index) {
        if (index < -1 || index >= catalog.get().size()) {
            throw new IndexOutOfBoundsException("no incident " + index + " in a catalog of " + catalog.get().size());
        }
        selectedIndex.set(index);
    }

    /** Selects the incident with this id; returns false (selection unchanged) when there is none. */
    public boolean selectById(String id) {
        int i = catalog.get().indexOf(id);
        if (i >= 0) {
            select(i);
        }
        return i >= 0;
    }

    public void clearSelection() {
        select(-1);
    }

    /** Selects the next incident in time order that passes the filters (the first when none is selected). */
    public void selectNext() {
        int n = catalog.get().size();
        for (int i = selectedIndex.get() + 1; i < n; i++) {
            if (isIncluded(i)) {
                select(i);
                return;
            }
        }
    }

    /** Selects the previous incident in time order that passes the filters (the last dated one when none is). */
    public void selectPrevious() {
        IncidentCatalog c = catalog.get();
        int from = selectedIndex.get() < 0 ? c.datedCount() : selectedIndex.get();
        for (int i = from - 1; i >= 0; i--) {
            if (isIncluded(i)) {
                select(i);
                return;
            }
        }
    }

    // ---- time window ----------------------------------------------------------------------------------------

    /** Sets the time window; incidents that do not overlap it are no longer visible. The playhead is its end. */
    public void setWindow(Instant start, Instant end) {
        window.set(new TimeWindow(start, end));
    }

    /**
     * Moves the playhead (the window's end) to {@code t}: a sliding window keeps its width, a cumulative one
     * keeps its start at the first incident, so it shows everything up to the playhead.
     */
    public void setPlayhead(Instant t) {
        TimeWindow w = window.get();
        if (w == null) {
            return;
        }
        if (windowMode.get() == WindowMode.CUMULATIVE) {
            Instant start = catalog.get().timeSpan().map(s -> s[0]).orElse(w.start());
            Instant safeStart = start.isBefore(t) ? start : t.minusMillis(1);
            window.set(new TimeWindow(safeStart, t));
        } else {
            window.set(new TimeWindow(t.minusMillis(w.endMillis() - w.startMillis()), t));
        }
    }

    /** The playhead: the end of the window, or {@code null} when there is no window. */
    public Instant getPlayhead() {
        TimeWindow w = window.get();
        return w == null ? null : w.end();
    }

    /** Sliding (the window keeps its width as the playhead moves) or cumulative (everything up to the playhead). */
    public ObjectProperty<WindowMode> windowModeProperty() {
        return windowMode;
    }

    /** Resets the window to cover every dated incident (or clears it when nothing is dated). */
    public void resetWindow() {
        window.set(catalog.get().timeSpan().map(s -> new TimeWindow(s[0], s[1])).orElse(null));
    }

    /**
     * True when the incident at {@code index} is inside the window. Undated incidents cannot be placed in time
     * and are always visible (views draw them as undated).
     */
    public boolean isVisible(int index) {
        IncidentCatalog c = catalog.get();
        TimeWindow w = window.get();
        return isIncluded(index)
                && (w == null || index >= c.datedCount() || c.overlaps(index, w.startMillis(), w.endMillis()));
    }

    /** True when the incident passes the filters (category, region, search, map extent); views draw only these. */
    public boolean isIncluded(int index) {
        return included == null || included.get(index);
    }

    /** Narrows what every view shows. */
    public ObjectProperty<Filters> filtersProperty() {
        return filters;
    }

    public Filters getFilters() {
        return filters.get();
    }

    /**
     * The filters that {@link #isIncluded} follows now. The same as {@link #getFilters()} except while a big
     * catalog is being filtered in the background ({@link #filteringProperty()}); views that draw or cache what
     * is included key on these; see {@link #appliedFiltersProperty()}.
     */
    public Filters getAppliedFilters() {
        return applied.get();
    }

    /**
     * {@link #getAppliedFilters()} as a property: it changes once {@link #isIncluded} follows new filters, the
     * moment for a view that lists what is included to refresh.
     */
    public ReadOnlyObjectProperty<Filters> appliedFiltersProperty() {
        return applied.getReadOnlyProperty();
    }

    /** Called by the map when what it shows changes; "only what the map shows" follows it. */
    public void setMapExtent(org.incidentatlas.model.GeoBounds extent) {
        if (java.util.Objects.equals(extent, mapExtent.get())) {
            return;
        }
        mapExtent.set(extent);
        Filters f = filters.get();
        if (f.mapExtent() != null) {
            filters.set(f.withMapExtent(extent));
        }
    }

    /** The box the map shows, or {@code null} before the map has been laid out. */
    public ReadOnlyObjectProperty<org.incidentatlas.model.GeoBounds> mapExtentProperty() {
        return mapExtent.getReadOnlyProperty();
    }

    /** How many incidents pass the filters (whatever the window). */
    public ReadOnlyIntegerProperty includedCountProperty() {
        return includedCount.getReadOnlyProperty();
    }

    /** Asks the map to bring the incident into view (e.g. Enter in the table); a new request each time. */
    public void reveal(int index) {
        select(index);
        revealRequest.set(null);
        revealRequest.set(index);
    }

    /** The last {@link #reveal} request (an incident index), or {@code null}. */
    public ReadOnlyObjectProperty<Integer> revealRequestProperty() {
        return revealRequest.getReadOnlyProperty();
    }

    /**
     * Applies the new filters. A small catalog is filtered at once. A big one is filtered on the filtering
     * executor (a search through a million incidents takes a few hundred milliseconds): until the result comes,
     * the views keep showing the previous one and {@link #filteringProperty()} is true.
     */
    private void filtersChanged() {
        long generation = filterGeneration.incrementAndGet();
        IncidentCatalog c = catalog.get();
        Filters f = filters.get();
        if (f.isNone() || c.size() < filterInBackgroundFrom) {
            filteringNow.set(false);
            recomputeIncluded();
            recomputeVisible();
            return;
        }
        filteringNow.set(true);
        filtering.execute(() -> {
            if (filterGeneration.get() != generation) {
                return; // a newer change is queued behind this one
            }
            java.util.BitSet b;
            try {
                b = c.indicesMatching(f.matcher(c));
            } catch (RuntimeException | Error e) { // e.g. out of memory: keep the previous result, and say so
                ui.execute(() -> {
                    if (generation == filterGeneration.get()) {
                        filteringNow.set(false);
                        status.set("Could not apply the filters: " + e);
                    }
                });
                return;
            }
            ui.execute(() -> {
                if (generation == filterGeneration.get() && catalog.get() == c) {
                    filteringNow.set(false);
                    applyIncluded(f, b);
                    recomputeVisible();
                }
            });
        });
    }

    /** True while filters are being applied in the background; the views still show the previous result. */
    public ReadOnlyBooleanProperty filteringProperty() {
        return filteringNow.getReadOnlyProperty();
    }

    /** For tests: the catalog size from which filters are applied in the background. */
    void filterInBackgroundFrom(int size) {
        filterInBackgroundFrom = size;
    }

    private void recomputeIncluded() {
        IncidentCatalog c = catalog.get();
        Filters f = filters.get();
        if (f.isNone()) {
            included = null;
            applied.set(f);
            includedCount.set(c.size());
            return;
        }
        applyIncluded(f, c.indicesMatching(f.matcher(c)));
    }

    private void applyIncluded(Filters f, java.util.BitSet b) {
        included = b;
        includedCount.set(b.cardinality());
        int sel = selectedIndex.get();
        if (sel >= 0 && !b.get(sel)) {
            selectedIndex.set(-1); // a filtered-out incident cannot stay selected
        }
        applied.set(f); // last: views listening to it read isIncluded
    }

    /** Without filters the count is O(log n) from the catalog; with filters, the window's incidents are tested. */
    private void recomputeVisible() {
        IncidentCatalog c = catalog.get();
        TimeWindow w = window.get();
        int count;
        if (included == null) {
            int undated = c.size() - c.datedCount();
            count = w == null ? c.size() : c.countOverlapping(w.startMillis(), w.endMillis()) + undated;
        } else if (w == null) {
            count = included.cardinality();
        } else {
            count = included.get(c.datedCount(), Math.max(c.datedCount(), c.size())).cardinality();
            for (int i : c.indicesOverlapping(w.start(), w.end())) {
                if (included.get(i)) {
                    count++;
                }
            }
        }
        visibleCount.set(count);
        visibilityRevision.set(visibilityRevision.get() + 1);
    }

    // ---- properties -----------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<IncidentCatalog> catalogProperty() {
        return catalog.getReadOnlyProperty();
    }

    public IncidentCatalog getCatalog() {
        return catalog.get();
    }

    /** The open file, or {@code null}. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** Index of the selected incident in catalog order, -1 for none. */
    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }

    public int getSelectedIndex() {
        return selectedIndex.get();
    }

    public ReadOnlyObjectProperty<Incident> selectedIncidentProperty() {
        return selectedIncident.getReadOnlyProperty();
    }

    /** The time window, or {@code null} when nothing is dated. Setting it is the same as {@link #setWindow}. */
    public ObjectProperty<TimeWindow> windowProperty() {
        return window;
    }

    public TimeWindow getWindow() {
        return window.get();
    }

    /** How many incidents are visible (in the window, or undated). */
    public ReadOnlyIntegerProperty visibleCountProperty() {
        return visibleCount.getReadOnlyProperty();
    }

    /** Incremented whenever the visible set may have changed: views redraw on it. */
    public ReadOnlyIntegerProperty visibilityRevisionProperty() {
        return visibilityRevision.getReadOnlyProperty();
    }

    /** Problems met by the last load (or the failure of the last open). */
    public ReadOnlyObjectProperty<List<Problem>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** One line saying what happened last, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
