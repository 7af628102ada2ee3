package org.incidentatlas.map;

import com.gluonhq.maps.MapLayer;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.incidentatlas.map.basemap.BasemapData;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.viewmodel.ExplorerState;

/**
 * Highlights the governorate (first-level division) that contains the selected incident, with its name, so
 * that "where" reads at a glance. The polygons come from the bundled basemap, loaded off the FX thread.
 * FX thread only.
 */
final class RegionLayer extends MapLayer {
    private final ExplorerState state;
    private final Canvas canvas = new Canvas();
    private volatile BasemapData data;
    private BasemapData.Feature highlighted;

    RegionLayer(ExplorerState state, OfflineTileSource basemap) {
        this.state = state;
        canvas.setMouseTransparent(true);
        setMouseTransparent(true);
        getChildren().add(canvas);
        basemap.whenOpen(() -> {
            BasemapData d = basemap.renderer().data();
            d.layer("admin1"); // decoded here, on a tile thread: not on the FX thread at the first selection
            Platform.runLater(() -> {
                data = d;
                pickRegion();
            });
        });
        state.selectedIncidentProperty().addListener(o -> pickRegion());
    }

    /** The name of the highlighted region, or {@code null}. */
    String highlightedName() {
        return highlighted == null ? null : highlighted.name();
    }

    void refresh() {
        markDirty();
    }

    @Override
    protected void initialize() {
        baseMap.zoom().addListener(o -> markDirty());
        baseMap.translateXProperty().addListener(o -> markDirty());
        baseMap.translateYProperty().addListener(o -> markDirty());
    }

    private void pickRegion() {
        highlighted = null;
        Incident inc = state.selectedIncidentProperty().get();
        BasemapData d = data;
        if (inc != null && inc.where() != null && d != null) {
            GeoLocation g = inc.where();
            double mx = BasemapData.mercatorX(g.lon());
            double my = BasemapData.mercatorY(g.lat());
            for (BasemapData.Feature f : d.layer("admin1").features()) {
                if (f.intersects(mx, my, mx, my) && BasemapData.contains(f, g.lat(), g.lon())) {
                    highlighted = f;
                    break;
                }
            }
        }
        markDirty();
    }

    @Override
    protected void layoutLayer() {
        if (getParent() instanceof javafx.scene.layout.Region r) {
            canvas.setWidth(r.getWidth());
            canvas.setHeight(r.getHeight());
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        BasemapData.Feature f = highlighted;
        if (f == null || baseMap == null) {
            return;
        }
        // Normalised Mercator → layer pixels: one scale and the offset of the world's centre.
        Point2D centre = getMapPoint(0, 0);
        double world = 256 * Math.pow(2, baseMap.zoom().get());
        g.beginPath();
        for (int p = 0; p < f.xs().length; p++) {
            double[] xs = f.xs()[p];
            double[] ys = f.ys()[p];
            for (int i = 0; i < xs.length; i++) {
                double x = centre.getX() + (xs[i] - 0.5) * world;
                double y = centre.getY() + (ys[i] - 0.5) * world;
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.closePath();
        }
        g.setFillRule(FillRule.EVEN_ODD);
        g.setFill(Color.rgb(255, 196, 0, 0.08));
        g.fill();
        g.setStroke(Color.rgb(214, 130, 0, 0.9));
        g.setLineWidth(2);
        g.setLineDashes(6, 4);
        g.stroke();
        g.setLineDashes();
        double cx = centre.getX() + ((f.minX() + f.maxX()) / 2 - 0.5) * world;
        double top = centre.getY() + (f.minY() - 0.5) * world;
        g.setFont(Font.font("System", FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFill(Color.rgb(255, 255, 255, 0.85));
        String name = f.name();
        g.fillText(name, cx + 1, top - 3);
        g.setFill(Color.rgb(150, 90, 0));
        g.fillText(name, cx, top - 4);
    }
}
