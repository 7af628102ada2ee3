package org.incidentatlas.timeline;

import java.time.Instant;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.viewmodel.TimeWindow;

/**
 * Where the timeline's bands are and their scales, derived from the catalog, the window and the size.
 * Pure and immutable: the skin draws with it, the behavior reads input with it.
 *
 * @param width     control width in pixels
 * @param height    control height in pixels
 * @param overview  scale of the overview band: the whole catalog
 * @param detail    scale of the detail band: the window, with a margin each side so its edges can be grabbed
 */
record TimelineGeometry(double width, double height, TimeScale overview, TimeScale detail) {
    static final double OVERVIEW_HEIGHT = 40;
    static final double RULER_HEIGHT = 24;
    static final double LANE_HEIGHT = 21;
    static final double LANE_TOP_PAD = 4;
    /** Fraction of the window added each side in the detail band. */
    static final double DETAIL_MARGIN = 0.06;

    double detailTop() {
        return OVERVIEW_HEIGHT + 6;
    }

    double laneTop(int lane) {
        return detailTop() + RULER_HEIGHT + LANE_TOP_PAD + lane * LANE_HEIGHT;
    }

    boolean inOverview(double y) {
        return y < OVERVIEW_HEIGHT;
    }

    boolean inDetailRuler(double y) {
        return y >= detailTop() && y < detailTop() + RULER_HEIGHT;
    }

    static TimelineGeometry of(IncidentCatalog catalog, TimeWindow window, double width, double height) {
        double w = Math.max(1, width);
        long[] span = overviewSpan(catalog, window);
        TimeScale overview = TimeScale.fit(span[0], span[1], w, 4);
        TimeScale detail;
        if (window == null) {
            detail = overview;
        } else {
            long pad = Math.max(60_000L, (long) ((window.endMillis() - window.startMillis()) * DETAIL_MARGIN));
            detail = TimeScale.fit(window.startMillis() - pad, window.endMillis() + pad, w, 0);
        }
        return new TimelineGeometry(w, height, overview, detail);
    }

    /** The catalog's span with 2% each side (and the window, if it reaches beyond). */
    static long[] overviewSpan(IncidentCatalog catalog, TimeWindow window) {
        Instant[] s = catalog.timeSpan().orElse(null);
        long a;
        long b;
        if (s == null) {
            long now = System.currentTimeMillis();
            a = now - 365L * 86_400_000L;
            b = now;
        } else {
            a = s[0].toEpochMilli();
            b = s[1].toEpochMilli();
        }
        if (window != null) {
            a = Math.min(a, window.startMillis());
            b = Math.max(b, window.endMillis());
        }
        long pad = Math.max(86_400_000L, (b - a) / 50);
        return new long[] {a - pad, b + pad};
    }
}
