package org.incidentatlas.map;

import com.gluonhq.maps.MapLayer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.viewmodel.CategoryPalette;
import org.incidentatlas.viewmodel.ExplorerState;

/**
 * Draws every located incident on one {@link Canvas} (never a Node per incident) and turns clicks into
 * selection requests on {@link ExplorerState}.
 *
 * <p>Markers take their category's colour; incidents outside the time window are faded; undated ones are
 * drawn hollow; the selected one gets a halo. Markers at the same spot are spread on a small ring so each can
 * be clicked. A place's uncertainty radius is drawn as a soft disc when it is larger than the marker.
 * FX thread only.
 */
final class IncidentLayer extends MapLayer {
    static final double RADIUS = 6.5;
    private static final double SPREAD = 11;

    private final ExplorerState state;
    private final Canvas canvas = new Canvas();
    /** Screen position (layer coordinates) of each incident's marker; NaN when not drawn. */
    private double[] xs = new double[0];
    private double[] ys = new double[0];

    IncidentLayer(ExplorerState state) {
        this.state = state;
        getChildren().add(canvas);
        canvas.setOnMouseClicked(e -> {
            if (e.isStillSincePress()) {
                int hit = hitTest(e.getX(), e.getY());
                if (hit >= 0) {
                    state.select(hit);
                    e.consume();
                }
            }
        });
        canvas.setOnMouseMoved(e -> canvas.setCursor(hitTest(e.getX(), e.getY()) >= 0
                ? javafx.scene.Cursor.HAND : null));
        state.visibilityRevisionProperty().addListener(o -> redraw());
        state.selectedIndexProperty().addListener(o -> redraw());
        state.catalogProperty().addListener(o -> markDirty());
    }

    @Override
    protected void initialize() {
        // BaseMap does not re-layout layers on zoom: follow its zoom and translation ourselves.
        baseMap.zoom().addListener(o -> markDirty());
        baseMap.translateXProperty().addListener(o -> markDirty());
        baseMap.translateYProperty().addListener(o -> markDirty());
    }

    @Override
    protected void layoutLayer() {
        if (getParent() instanceof javafx.scene.layout.Region r) {
            canvas.setWidth(r.getWidth());
            canvas.setHeight(r.getHeight());
        }
        redraw();
    }

    /** Asks for a re-layout and redraw after the view moved programmatically. */
    void markDirtyPublic() {
        markDirty();
    }

    /** Layer-local position of the incident's marker, or {@code null} when it has none on screen. */
    Point2D markerPosition(int index) {
        if (index < 0 || index >= xs.length || Double.isNaN(xs[index])) {
            return null;
        }
        return new Point2D(xs[index], ys[index]);
    }

    /** Index of the topmost marker under (x, y) in layer coordinates, or -1. */
    int hitTest(double x, double y) {
        int best = -1;
        double bestD = (RADIUS + 3) * (RADIUS + 3);
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(xs[i])) {
                continue;
            }
            double dx = xs[i] - x;
            double dy = ys[i] - y;
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private void redraw() {
        if (baseMap == null) {
            return;
        }
        IncidentCatalog catalog = state.getCatalog();
        int n = catalog.size();
        xs = new double[n];
        ys = new double[n];
        // Group incidents at the same point so that coincident markers can be spread out.
        Map<Long, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < n; i++) {
            GeoLocation g = catalog.get(i).where();
            if (g == null) {
                xs[i] = Double.NaN;
                ys[i] = Double.NaN;
                continue;
            }
            Point2D p = getMapPoint(g.lat(), g.lon());
            xs[i] = p.getX();
            ys[i] = p.getY();
            long key = (Math.round(p.getX() / 2) << 32) ^ (Math.round(p.getY() / 2) & 0xffffffffL);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        // Uncertainty discs first, under every marker.
        double pxPerKm = pixelsPerKm();
        for (int i = 0; i < n; i++) {
            Incident inc = catalog.get(i);
            if (Double.isNaN(xs[i]) || inc.where().uncertaintyKm() == null) {
                continue;
            }
            double r = inc.where().uncertaintyKm() * pxPerKm / Math.cos(Math.toRadians(inc.where().lat()));
            if (r > RADIUS * 1.5) {
                Color c = color(catalog, inc);
                g.setFill(c.deriveColor(0, 1, 1, state.isVisible(i) ? 0.10 : 0.03));
                g.fillOval(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
                g.setStroke(c.deriveColor(0, 1, 1, state.isVisible(i) ? 0.35 : 0.08));
                g.setLineWidth(1);
                g.setLineDashes(3, 3);
                g.strokeOval(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
                g.setLineDashes();
            }
        }
        for (List<Integer> group : groups.values()) {
            if (group.size() > 1) {
                double cx = xs[group.get(0)];
                double cy = ys[group.get(0)];
                g.setStroke(Color.rgb(60, 60, 60, 0.6));
                g.setLineWidth(1);
                g.setLineCap(StrokeLineCap.ROUND);
                for (int k = 0; k < group.size(); k++) {
                    double a = -Math.PI / 2 + 2 * Math.PI * k / group.size();
                    int idx = group.get(k);
                    xs[idx] = cx + SPREAD * Math.cos(a);
                    ys[idx] = cy + SPREAD * Math.sin(a);
                    g.strokeLine(cx, cy, xs[idx], ys[idx]);
                }
                g.setFill(Color.rgb(60, 60, 60, 0.8));
                g.fillOval(cx - 2, cy - 2, 4, 4);
            }
        }
        // Faded (outside the window) first, then visible, then the selection on top.
        int selected = state.getSelectedIndex();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(xs[i]) || i == selected || state.isVisible(i) != (pass == 1)) {
                    continue;
                }
                drawMarker(g, catalog, i, false);
            }
        }
        if (selected >= 0 && selected < n && !Double.isNaN(xs[selected])) {
            drawMarker(g, catalog, selected, true);
        }
    }

    private void drawMarker(GraphicsContext g, IncidentCatalog catalog, int i, boolean selected) {
        Incident inc = catalog.get(i);
        Color c = color(catalog, inc);
        boolean visible = state.isVisible(i);
        double x = xs[i];
        double y = ys[i];
        if (selected) {
            g.setFill(Color.rgb(255, 200, 0, 0.45));
            g.fillOval(x - RADIUS - 7, y - RADIUS - 7, 2 * RADIUS + 14, 2 * RADIUS + 14);
            g.setStroke(Color.rgb(20, 20, 20, 0.9));
            g.setLineWidth(2);
            g.strokeOval(x - RADIUS - 4, y - RADIUS - 4, 2 * RADIUS + 8, 2 * RADIUS + 8);
        }
        double alpha = visible ? 1.0 : 0.22;
        if (inc.isDated()) {
            g.setFill(c.deriveColor(0, 1, 1, alpha));
            g.fillOval(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS);
            g.setStroke(Color.rgb(255, 255, 255, alpha));
        } else {
            g.setFill(Color.rgb(255, 255, 255, 0.9 * alpha));
            g.fillOval(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS);
            g.setStroke(c.deriveColor(0, 1, 1, alpha));
        }
        g.setLineWidth(inc.isDated() ? 1.5 : 2.5);
        g.strokeOval(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS);
    }

    private double pixelsPerKm() {
        double worldPx = 256 * Math.pow(2, baseMap.zoom().get());
        return worldPx / 40_075.0;
    }

    private static Color color(IncidentCatalog catalog, Incident inc) {
        return Color.web(CategoryPalette.color(catalog, inc.category()));
    }
}
