package org.incidentatlas.map;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.time.Clock;
import java.util.Locale;
import javafx.animation.Transition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.incidentatlas.model.Category;
import org.incidentatlas.ui.MarkerShapes;
import org.incidentatlas.model.GeoBounds;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.model.PlacePrecision;
import org.incidentatlas.viewmodel.CategoryPalette;
import org.incidentatlas.viewmodel.Counts;
import org.incidentatlas.viewmodel.ExplorerState;

/**
 * The map view: Gluon's {@link MapView} with the offline basemap (or, only when the user asks, online tiles),
 * the region and incident layers, and the controls: zoom buttons, fit, legend, scale bar, cursor position,
 * attribution. Gluon's mutable types stay inside.
 *
 * <p>Follows {@link ExplorerState}: fits itself to a newly loaded catalog and flies to an incident selected
 * elsewhere (not to one the user just clicked here). Keys when focused: Shift+arrows pan, +/− zoom.
 * FX thread only.
 */
public final class AtlasMap extends StackPane {
    public static final double MIN_ZOOM = 1;
    public static final double MAX_ZOOM = 18;
    static final String OFFLINE_ATTRIBUTION = "Natural Earth · GeoNames";
    static final String OSM_ATTRIBUTION = "© OpenStreetMap contributors";

    private final ExplorerState state;
    private final MapOptions options;
    private java.net.http.HttpClient httpClient;
    private MapView mapView;
    private final IncidentLayer layer;
    private final RegionLayer regions;
    private final Label attribution = new Label(OFFLINE_ATTRIBUTION);
    private final Label tileStatus = new Label("offline basemap");
    private final Label hover = new Label();
    private final Label cursor = new Label();
    private final Canvas scaleBar = new Canvas(130, 22);
    private final VBox legend = new VBox(2);
    private final BooleanProperty onlineTiles = new SimpleBooleanProperty(this, "onlineTiles", false);
    private final StringProperty tileUrlTemplate = new SimpleStringProperty(this, "tileUrlTemplate",
            OnlineTileSource.OSM_TEMPLATE);
    private final ReadOnlyStringWrapper onlineStatus = new ReadOnlyStringWrapper(this, "onlineStatus",
            "offline basemap");
    private OnlineTileSource online;
    private Transition flight;
    private boolean fitPending = true;
    private boolean ownClick;

    public AtlasMap(ExplorerState state, MapOptions options) {
        this.state = state;
        this.options = options;
        getStyleClass().add("atlas-map");
        setFocusTraversable(true);
        layer = new IncidentLayer(state);
        holdBasemapUntilLaidOut();
        regions = new RegionLayer(state, AtlasTileRetriever.offline());
        layer.setAfterRedraw(() -> {
            updateScaleBar();
            if (getWidth() > 0) {
                state.setMapExtent(extent());
            }
        });
        mapView = newMapView(2, 33, 44);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        attribution.getStyleClass().add("map-attribution");
        attribution.setId("mapAttribution");
        tileStatus.getStyleClass().add("map-tile-status");
        tileStatus.setId("mapTileStatus");
        tileStatus.textProperty().bind(onlineStatus);
        HBox bottomRight = new HBox(6, tileStatus, attribution);
        bottomRight.setMaxSize(HBox.USE_PREF_SIZE, HBox.USE_PREF_SIZE);
        bottomRight.setMouseTransparent(true);
        StackPane.setAlignment(bottomRight, Pos.BOTTOM_RIGHT);

        Button zoomIn = mapButton("+", "Zoom in (+)");
        zoomIn.setOnAction(e -> zoomBy(1));
        Button zoomOut = mapButton("−", "Zoom out (−)");
        zoomOut.setOnAction(e -> zoomBy(-1));
        Button fit = mapButton("⤢", "Fit the map to all incidents");
        fit.setId("fitMapButton");
        fit.setOnAction(e -> fitToIncidents());
        VBox buttons = new VBox(4, zoomIn, zoomOut, fit);
        buttons.setPadding(new Insets(8));
        buttons.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane.setAlignment(buttons, Pos.TOP_LEFT);

        cursor.getStyleClass().add("map-cursor");
        cursor.setId("mapCursor");
        cursor.visibleProperty().bind(cursor.textProperty().isNotEmpty());
        VBox bottomLeft = new VBox(2, scaleBar, cursor);
        bottomLeft.setPadding(new Insets(0, 0, 4, 8));
        bottomLeft.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        bottomLeft.setMouseTransparent(true);
        StackPane.setAlignment(bottomLeft, Pos.BOTTOM_LEFT);

        legend.getStyleClass().add("map-legend");
        legend.setId("mapLegend");
        legend.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane.setAlignment(legend, Pos.TOP_RIGHT);
        StackPane.setMargin(legend, new Insets(8));

        hover.getStyleClass().add("map-hover");
        hover.setId("mapHover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        hover.setManaged(false);

        getChildren().addAll(mapView, bottomRight, buttons, bottomLeft, legend, hover);

        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hover.setVisible(false);
            cursor.setText("");
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);

        state.catalogProperty().addListener(o -> {
            fitPending = true;
            rebuildLegend();
            requestLayout();
        });
        state.selectedIncidentProperty().addListener((obs, o, inc) -> {
            if (inc != null && inc.where() != null && !ownClick) {
                flyTo(inc.where().lat(), inc.where().lon());
            }
        });
        state.revealRequestProperty().addListener((obs, o, index) -> {
            if (index != null && index >= 0 && index < state.getCatalog().size()
                    && state.getCatalog().get(index).where() != null) {
                GeoLocation g = state.getCatalog().get(index).where();
                if (getZoom() < 8) {
                    setView(g.lat(), g.lon(), 8);
                } else {
                    flyTo(g.lat(), g.lon());
                }
            }
        });
        state.story().stepProperty().addListener((obs, o, k) -> showStoryStep(k.intValue()));
        onlineTiles.addListener(o -> applyTileSource());
        tileUrlTemplate.addListener(o -> {
            if (onlineTiles.get()) {
                applyTileSource();
            }
        });
        rebuildLegend();
    }

    private MapView newMapView(double zoom, double lat, double lon) {
        MapView v = new MapView();
        v.addLayer(regions);
        v.addLayer(layer);
        v.setZoom(zoom);
        v.setCenter(lat, lon);
        return v;
    }

    private static Button mapButton(String text, String tip) {
        Button b = new Button(text);
        b.getStyleClass().add("map-button");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    // ---- properties -----------------------------------------------------------------------------------------

    /** Hide incidents outside the time window instead of fading them. */
    public BooleanProperty hideOutsideWindowProperty() {
        return layer.hideOutsideWindowProperty();
    }

    /** Online tiles on/off. Off by default: then nothing is fetched from the network. */
    public BooleanProperty onlineTilesProperty() {
        return onlineTiles;
    }

    /** The online tile URL template ({@code {z}/{x}/{y}}), http or https. */
    public StringProperty tileUrlTemplateProperty() {
        return tileUrlTemplate;
    }

    /** "offline basemap", "online tiles", or how many online tiles failed. */
    public ReadOnlyStringProperty onlineStatusProperty() {
        return onlineStatus.getReadOnlyProperty();
    }

    // ---- tile source ----------------------------------------------------------------------------------------

    /**
     * Holds the offline basemap (tiles and the data behind them) until this map's window has been laid out once,
     * or for two seconds at most: at start-up the window and its incidents get the CPU first.
     */
    private void holdBasemapUntilLaidOut() {
        java.util.concurrent.CompletableFuture<Void> laidOut = new java.util.concurrent.CompletableFuture<>();
        laidOut.completeOnTimeout(null, 2, java.util.concurrent.TimeUnit.SECONDS);
        AtlasTileRetriever.offline().holdUntil(laidOut);
        sceneProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                javafx.scene.Scene scene = getScene();
                if (scene == null) {
                    return;
                }
                sceneProperty().removeListener(this);
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    javafx.application.Platform.runLater(() -> laidOut.complete(null));
                };
                scene.addPostLayoutPulseListener(once[0]);
            }
        });
    }

    /** The online tile client, made the first time online tiles are turned on. */
    private java.net.http.HttpClient httpClient() {
        if (httpClient == null) {
            httpClient = options.httpClient().get();
        }
        return httpClient;
    }

    private void applyTileSource() {
        if (online != null) {
            online.shutdown();
            online = null;
        }
        if (onlineTiles.get()) {
            try {
                online = new OnlineTileSource(tileUrlTemplate.get(), options.userAgent(), options.tileCacheDir(),
                        httpClient(), Clock.systemUTC(), onlineStatus::set);
                onlineStatus.set("online tiles");
                attribution.setText(OSM_ATTRIBUTION + " · " + OFFLINE_ATTRIBUTION);
            } catch (IllegalArgumentException e) {
                onlineStatus.set("online tiles off: " + e.getMessage());
                attribution.setText(OFFLINE_ATTRIBUTION);
            }
        } else {
            onlineStatus.set("offline basemap");
            attribution.setText(OFFLINE_ATTRIBUTION);
        }
        AtlasTileRetriever.route(online);
        // Gluon keeps loaded tiles inside its MapView: a fresh one is the only way to show the new source.
        Point2D c = centerMercator();
        double z = getZoom();
        getChildren().remove(mapView);
        mapView.removeLayer(regions);
        mapView.removeLayer(layer);
        mapView = newMapView(z, lat(c.getY()), lon(c.getX()));
        getChildren().add(0, mapView);
    }

    // ---- view -----------------------------------------------------------------------------------------------

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
        double top = mercY(bounds.maxLat());
        double bottom = mercY(bounds.minLat());
        double dy = Math.max(1e-9, bottom - top);
        double zoom = Math.min(Math.log(w / (256 * dx)), Math.log(h / (256 * dy))) / Math.log(2);
        setView(lat((top + bottom) / 2), bounds.centerLon(), zoom);
    }

    /** Moves the view to a centre and zoom, clamped to the map's range. */
    public void setView(double lat, double lon, double zoom) {
        stopFlight();
        mapView.setZoom(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom)));
        mapView.setCenter(lat, lon);
        layer.refresh();
        regions.refresh();
    }

    /** Centres on a point at once, keeping the zoom. */
    public void centerOn(double lat, double lon) {
        stopFlight();
        mapView.setCenter(lat, lon);
        layer.refresh();
        regions.refresh();
    }

    /** Pans smoothly to a point (about a third of a second), keeping the zoom. */
    public void flyTo(double lat, double lon) {
        stopFlight();
        Point2D from = centerMercator();
        double tx = mercX(lon);
        double ty = mercY(lat);
        flight = new Transition() {
            {
                setCycleDuration(Duration.millis(350));
            }

            @Override
            protected void interpolate(double f) {
                mapView.setCenter(lat(from.getY() + (ty - from.getY()) * f), lon(from.getX() + (tx - from.getX()) * f));
                layer.refresh();
                regions.refresh();
            }
        };
        flight.play();
    }

    private void stopFlight() {
        if (flight != null) {
            flight.stop();
            flight = null;
        }
    }

    /** True while a fly-to animation runs. */
    public boolean isFlying() {
        return flight != null && flight.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    /** True while the incident layer waits for work in the background (its index, or a zoom level's time order). */
    public boolean isPlacingIncidents() {
        return layer.isWaiting();
    }

    public void zoomBy(double delta) {
        Point2D c = centerMercator();
        setView(lat(c.getY()), lon(c.getX()), getZoom() + delta);
    }

    /** Pans by a fraction of the view's width/height (positive: the view moves east/south). */
    public void panBy(double fx, double fy) {
        Point2D c = centerMercator();
        double worldPx = 256 * Math.pow(2, getZoom());
        centerOn(lat(c.getY() + fy * getHeight() / worldPx), lon(c.getX() + fx * getWidth() / worldPx));
    }

    /** The live zoom (Gluon's own getter goes stale after the user scrolls). */
    public double getZoom() {
        return layer.zoom() > 0 ? layer.zoom() : mapView.getZoom();
    }

    /** The geographic point at the centre of the view. */
    public GeoLocation center() {
        MapPoint c = mapView.getMapPosition(getWidth() / 2, getHeight() / 2);
        return new GeoLocation(null, "centre", Math.max(-90, Math.min(90, c.getLatitude())),
                ((c.getLongitude() + 180) % 360 + 360) % 360 - 180, null, null, PlacePrecision.SITE, null);
    }

    private Point2D centerMercator() {
        if (getWidth() <= 0) {
            return new Point2D(mercX(mapView.getCenter().getLongitude()), mercY(mapView.getCenter().getLatitude()));
        }
        GeoLocation c = center();
        return new Point2D(mercX(c.lon()), mercY(c.lat()));
    }

    /**
     * Brings story step {@code k} into view: centred on its incident, zoomed to how precisely the place is known,
     * and out far enough that the previous located step (where the arrow comes from) stays on screen.
     */
    private void showStoryStep(int k) {
        int[] steps = state.story().stepIndices();
        if (k < 0 || k >= steps.length) {
            return;
        }
        GeoLocation here = state.getCatalog().get(steps[k]).where();
        if (here == null) {
            return;
        }
        GeoLocation before = null;
        for (int j = k - 1; j >= 0 && before == null; j--) {
            before = state.getCatalog().get(steps[j]).where();
        }
        double zoom = storyZoom(here, before, Math.max(200, getWidth()), Math.max(150, getHeight()));
        if (Math.abs(zoom - getZoom()) < 0.3) {
            flyTo(here.lat(), here.lon());
        } else {
            setView(here.lat(), here.lon(), zoom);
        }
    }

    /** The zoom for a story step at {@code here}, coming from {@code before} (or {@code null}), in a w×h view. */
    static double storyZoom(GeoLocation here, GeoLocation before, double w, double h) {
        double zoom = switch (here.precision()) {
            case SITE -> 10;
            case TOWN -> 9;
            case DISTRICT -> 8;
            case REGION -> 6;
            case COUNTRY -> 5;
        };
        if (here.uncertaintyKm() != null && here.uncertaintyKm() > 0) {
            // the uncertainty disc takes about 40 % of the shorter side
            double diameterMerc = 2 * here.uncertaintyKm() / (40_075.0 * Math.cos(Math.toRadians(here.lat())));
            zoom = Math.min(zoom, log2(0.4 * Math.min(w, h) / (256 * diameterMerc)));
        }
        if (before != null) {
            double dx = Math.abs(mercX(before.lon()) - mercX(here.lon()));
            double dy = Math.abs(mercY(before.lat()) - mercY(here.lat()));
            if (dx > 0) {
                zoom = Math.min(zoom, log2(0.4 * w / (256 * dx)));
            }
            if (dy > 0) {
                zoom = Math.min(zoom, log2(0.4 * h / (256 * dy)));
            }
        }
        return Math.max(4, Math.min(11, zoom));
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /** The story's located steps as drawn now: step number (1-based), incident index, and place in this node. */
    public java.util.List<StoryMark> storyMarks() {
        return layer.storyPoints().stream().map(p -> {
            Point2D q = sceneToLocal(layer.localToScene(p.x(), p.y()));
            return new StoryMark(p.step(), p.incident(), q.getX(), q.getY());
        }).toList();
    }

    /** One story step on the map. */
    public record StoryMark(int step, int incident, double x, double y) {
    }

    // ---- what is where (for people and tests) --------------------------------------------------------------

    /** Where the incident's own marker is drawn, in this node's coordinates, or {@code null} (none, hidden, clustered, off-screen). */
    public Point2D markerPosition(int index) {
        Point2D p = layer.markerPosition(index);
        return p == null ? null : onScreen(sceneToLocal(layer.localToScene(p)));
    }

    /** Centres of the cluster discs drawn now, in this node's coordinates, with their member counts. */
    public java.util.List<ClusterView> clusters() {
        return layer.clusters().stream().map(g -> {
            Point2D p = sceneToLocal(layer.localToScene(layer.position(g)));
            return new ClusterView(p.getX(), p.getY(), g.members().clone());
        }).toList();
    }

    /** A cluster as shown: centre (this node's coordinates) and member incident indices. */
    public record ClusterView(double x, double y, int[] members) {
    }

    /** Index of the incident whose own marker is under (x, y) in this node's coordinates, or -1. */
    public int incidentAt(double x, double y) {
        Point2D p = layer.sceneToLocal(localToScene(x, y));
        IncidentLayer.Hit hit = layer.hitTest(p.getX(), p.getY());
        return hit == null || hit.isCluster() ? -1 : hit.incident();
    }

    private Point2D onScreen(Point2D local) {
        return local.getX() >= 0 && local.getY() >= 0 && local.getX() <= getWidth() && local.getY() <= getHeight()
                ? local : null;
    }

    // ---- input ----------------------------------------------------------------------------------------------

    private void onClicked(MouseEvent e) {
        if (!e.isStillSincePress() || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Point2D p = layer.sceneToLocal(e.getSceneX(), e.getSceneY());
        IncidentLayer.Hit hit = layer.hitTest(p.getX(), p.getY());
        if (hit == null) {
            return;
        }
        if (hit.isCluster()) {
            zoomToMembers(hit.cluster().members());
        } else {
            ownClick = true;
            try {
                state.select(hit.incident());
            } finally {
                ownClick = false;
            }
        }
        e.consume();
    }

    private void zoomToMembers(int[] members) {
        IncidentCatalog c = state.getCatalog();
        double minLat = 90;
        double maxLat = -90;
        double minLon = 180;
        double maxLon = -180;
        for (int m : members) {
            minLat = Math.min(minLat, c.lat(m));
            maxLat = Math.max(maxLat, c.lat(m));
            minLon = Math.min(minLon, c.lon(m));
            maxLon = Math.max(maxLon, c.lon(m));
        }
        GeoBounds b = new GeoBounds(minLat, minLon, maxLat, maxLon);
        double before = getZoom();
        fitTo(b.padded(0.6, 0.02));
        if (getZoom() <= before + 0.5) {
            zoomBy(2); // members very close together: make sure the click visibly zooms in
        }
    }

    private void onMoved(MouseEvent e) {
        MapPoint p = mapView.getMapPosition(e.getX(), e.getY());
        cursor.setText(String.format(Locale.ROOT, "%.4f° %s, %.4f° %s", Math.abs(p.getLatitude()),
                p.getLatitude() >= 0 ? "N" : "S", Math.abs(lonWrap(p.getLongitude())),
                lonWrap(p.getLongitude()) >= 0 ? "E" : "W"));
        Point2D lp = layer.sceneToLocal(e.getSceneX(), e.getSceneY());
        String text = layer.describeAt(lp.getX(), lp.getY());
        setCursor(text == null ? null : javafx.scene.Cursor.HAND);
        if (text == null) {
            hover.setVisible(false);
            return;
        }
        hover.setText(text);
        hover.autosize();
        double x = Math.min(e.getX() + 14, getWidth() - hover.getWidth() - 4);
        double y = Math.min(e.getY() + 16, getHeight() - hover.getHeight() - 4);
        hover.relocate(Math.max(0, x), Math.max(0, y));
        hover.setVisible(true);
    }

    private void onKey(KeyEvent e) {
        KeyCode k = e.getCode();
        if (e.isShiftDown() && k.isArrowKey()) {
            panBy(k == KeyCode.LEFT ? -0.25 : k == KeyCode.RIGHT ? 0.25 : 0,
                    k == KeyCode.UP ? -0.25 : k == KeyCode.DOWN ? 0.25 : 0);
            e.consume();
        } else if (k == KeyCode.PLUS || k == KeyCode.ADD || k == KeyCode.EQUALS) {
            zoomBy(1);
            e.consume();
        } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
            zoomBy(-1);
            e.consume();
        }
    }

    // ---- scale bar and legend -------------------------------------------------------------------------------

    /** The geographic box the view shows now (clamped to Web Mercator's latitudes). */
    public GeoBounds extent() {
        MapPoint a = mapView.getMapPosition(0, 0);
        MapPoint b = mapView.getMapPosition(getWidth(), getHeight());
        double minLon = Math.max(-180, Math.min(a.getLongitude(), b.getLongitude()));
        double maxLon = Math.min(180, Math.max(a.getLongitude(), b.getLongitude()));
        double minLat = Math.max(-85, Math.min(a.getLatitude(), b.getLatitude()));
        double maxLat = Math.min(85, Math.max(a.getLatitude(), b.getLatitude()));
        return minLon < maxLon && minLat < maxLat ? new GeoBounds(minLat, minLon, maxLat, maxLon)
                : new GeoBounds(-85, -180, 85, 180);
    }

    private void updateScaleBar() {
        double lat = getWidth() > 0 ? center().lat() : 0;
        double metresPerPx = 40_075_016.686 * Math.cos(Math.toRadians(lat)) / (256 * Math.pow(2, getZoom()));
        double[] nice = ScaleBar.niceLength(metresPerPx, 110);
        GraphicsContext g = scaleBar.getGraphicsContext2D();
        g.clearRect(0, 0, scaleBar.getWidth(), scaleBar.getHeight());
        double len = nice[1];
        g.setFill(Color.rgb(255, 255, 255, 0.8));
        g.fillRect(0, 0, len + 70, 20);
        g.setStroke(Color.rgb(40, 40, 40));
        g.setLineWidth(2);
        g.strokeLine(4, 14, 4 + len, 14);
        g.strokeLine(4, 9, 4, 17);
        g.strokeLine(4 + len, 9, 4 + len, 17);
        g.setFill(Color.rgb(40, 40, 40));
        g.setFont(javafx.scene.text.Font.font(11));
        g.fillText(ScaleBar.label(nice[0]), 10 + len, 17);
    }

    private void rebuildLegend() {
        legend.getChildren().clear();
        IncidentCatalog c = state.getCatalog();
        if (c.isEmpty()) {
            legend.setVisible(false);
            return;
        }
        legend.setVisible(true);
        Label title = new Label("Legend");
        title.getStyleClass().add("legend-title");
        legend.getChildren().add(title);
        var counts = c.countsByCategory();
        for (int i = 0; i < c.categories().size(); i++) {
            Category cat = c.categories().get(i);
            Canvas icon = new Canvas(16, 16);
            GraphicsContext g = icon.getGraphicsContext2D();
            g.setFill(Color.web(CategoryPalette.color(c, cat)));
            g.setStroke(Color.WHITE);
            g.setLineWidth(1.2);
            MarkerShapes.forCategory(i).draw(g, 8, 8, 5.5, true, true);
            Label l = new Label(cat.label() + " (" + Counts.grouped(counts.getOrDefault(cat.id(), 0)) + ")", icon);
            l.getStyleClass().add("legend-entry");
            legend.getChildren().add(l);
        }
        Label notes = new Label("hollow: undated · faded: outside the time window\ndashed disc: place uncertainty");
        notes.getStyleClass().add("legend-note");
        legend.getChildren().add(notes);
    }

    // ---- projection helpers ---------------------------------------------------------------------------------

    static double mercX(double lon) {
        return (lon + 180) / 360;
    }

    static double mercY(double lat) {
        // the basemap's own limit: with 85.0511 a marker near a pole sat 62 px off the basemap at zoom 18
        double max = org.incidentatlas.map.basemap.BasemapData.MAX_LATITUDE;
        double r = Math.toRadians(Math.max(-max, Math.min(max, lat)));
        return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
    }

    static double lon(double mercX) {
        return mercX * 360 - 180;
    }

    static double lat(double mercY) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * mercY))));
    }

    private static double lonWrap(double lon) {
        return ((lon + 180) % 360 + 360) % 360 - 180;
    }
}
