package org.incidentatlas.map;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.incidentatlas.model.GeoBounds;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.viewmodel.ExplorerState;

/**
 * The map view: Gluon's {@link MapView} with the offline basemap, our incident layer, zoom buttons and the
 * attribution, behind an API that does not leak Gluon's mutable types.
 *
 * <p>Follows {@link ExplorerState}: fits itself to a newly loaded catalog and centres on an incident selected
 * elsewhere (not on one the user just clicked here). FX thread only.
 */
public final class AtlasMap extends StackPane {
    /** Gluon's zoom range. */
    public static final double MIN_ZOOM = 1;
    public static final double MAX_ZOOM = 18;

    private final ExplorerState state;
    private final MapView mapView = new MapView();
    private final IncidentLayer layer;
    private boolean fitPending = true;
    private boolean clickInProgress;

    public AtlasMap(ExplorerState state) {
        this.state = state;
        getStyleClass().add("atlas-map");
        layer = new IncidentLayer(state);
        mapView.addLayer(layer);
        mapView.setZoom(2);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        Label attribution = new Label("Natural Earth · offline basemap");
        attribution.getStyleClass().add("map-attribution");
        StackPane.setAlignment(attribution, Pos.BOTTOM_RIGHT);

        Button zoomIn = mapButton("+", "Zoom in");
        zoomIn.setOnAction(e -> zoomBy(1));
        Button zoomOut = mapButton("−", "Zoom out");
        zoomOut.setOnAction(e -> zoomBy(-1));
        Button fit = mapButton("⤢", "Fit the map to all incidents");
        fit.setOnAction(e -> fitToIncidents());
        VBox buttons = new VBox(4, zoomIn, zoomOut, fit);
        buttons.setPickOnBounds(false);
        buttons.setPadding(new Insets(8));
        buttons.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane.setAlignment(buttons, Pos.TOP_LEFT);

        getChildren().addAll(mapView, attribution, buttons);

        layer.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> clickInProgress = true);
        layer.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> clickInProgress = false);
        state.catalogProperty().addListener(o -> {
            fitPending = true;
            requestLayout();
        });
        state.selectedIncidentProperty().addListener((obs, o, inc) -> {
            if (inc != null && inc.where() != null && !clickInProgress) {
                centerOn(inc.where().lat(), inc.where().lon());
            }
        });
    }

    private static Button mapButton(String text, String tip) {
        Button b = new Button(text);
        b.getStyleClass().add("map-button");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (fitPending && getWidth() > 0 && getHeight() > 0) {
            fitPending = false;
            fitToIncidents();
        }
    }

    /** Fits the view to the located incidents (padded), or shows the whole world when there are none. */
    public void fitToIncidents() {
        GeoBounds b = state.getCatalog().bounds().map(x -> x.padded(0.3, 9)).orElse(null);
        if (b == null) {
            setView(20, 0, 2);
        } else {
            fitTo(b);
        }
    }

    /** Centres and zooms so that {@code bounds} fills the view. */
    public void fitTo(GeoBounds bounds) {
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        double dx = Math.max(1e-9, bounds.maxLon() - bounds.minLon()) / 360;
        double dy = Math.max(1e-9, mercY(bounds.minLat()) - mercY(bounds.maxLat()));
        double zoom = Math.min(Math.log(w / (256 * dx)), Math.log(h / (256 * dy))) / Math.log(2);
        double centerLat = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2
                * (mercY(bounds.minLat()) + mercY(bounds.maxLat())) / 2))));
        setView(centerLat, bounds.centerLon(), zoom);
    }

    /** Moves the view to a centre and zoom, clamped to the map's range. */
    public void setView(double lat, double lon, double zoom) {
        mapView.setZoom(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom)));
        mapView.setCenter(lat, lon);
        layer.markDirtyPublic();
    }

    /** Centres on a point without changing the zoom. */
    public void centerOn(double lat, double lon) {
        mapView.setCenter(lat, lon);
        layer.markDirtyPublic();
    }

    public void zoomBy(double delta) {
        MapPoint c = mapView.getMapPosition(getWidth() / 2, getHeight() / 2);
        mapView.setZoom(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, mapView.getZoom() + delta)));
        mapView.setCenter(c.getLatitude(), c.getLongitude());
        layer.markDirtyPublic();
    }

    public double getZoom() {
        return mapView.getZoom();
    }

    /** The geographic point at the centre of the view. */
    public GeoLocation center() {
        MapPoint c = mapView.getMapPosition(getWidth() / 2, getHeight() / 2);
        return new GeoLocation(null, "centre", clampLat(c.getLatitude()), wrapLon(c.getLongitude()), null, null,
                org.incidentatlas.model.PlacePrecision.SITE, null);
    }

    /**
     * Where the marker of the incident at {@code index} is drawn, in this node's coordinates, or {@code null}
     * when it has none (unlocated) or it is off-screen.
     */
    public Point2D markerPosition(int index) {
        Point2D p = layer.markerPosition(index);
        if (p == null) {
            return null;
        }
        Point2D local = sceneToLocal(layer.localToScene(p));
        return local.getX() >= 0 && local.getY() >= 0 && local.getX() <= getWidth() && local.getY() <= getHeight()
                ? local : null;
    }

    /** Index of the incident whose marker is under (x, y) in this node's coordinates, or -1. */
    public int incidentAt(double x, double y) {
        Point2D p = layer.sceneToLocal(localToScene(x, y));
        return layer.hitTest(p.getX(), p.getY());
    }

    /** The incident drawn at {@code index}'s place, for tests and tooltips. */
    public Incident incident(int index) {
        return state.getCatalog().get(index);
    }

    private static double mercY(double lat) {
        double r = Math.toRadians(Math.max(-85.0511, Math.min(85.0511, lat)));
        return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
    }

    private static double clampLat(double lat) {
        return Math.max(-90, Math.min(90, lat));
    }

    private static double wrapLon(double lon) {
        double l = ((lon + 180) % 360 + 360) % 360 - 180;
        return l;
    }
}
