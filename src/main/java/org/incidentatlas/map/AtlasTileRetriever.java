package org.incidentatlas.map;

import java.util.concurrent.CompletableFuture;
import javafx.scene.image.Image;

/**
 * The tile source Gluon Maps finds through {@code META-INF/services/com.gluonhq.maps.tile.TileRetriever}.
 *
 * <p>Gluon creates it once per JVM with {@link java.util.ServiceLoader}, so it cannot be handed its
 * collaborators: it routes every request to the source set with {@link #route}, which is the offline renderer
 * unless the user turned online tiles on. This static route is the one piece of global state in the map room,
 * forced by Gluon's plug-in mechanism. Called on the FX thread.
 */
public final class AtlasTileRetriever implements com.gluonhq.maps.tile.TileRetriever {
    private static final OfflineTileSource OFFLINE = new OfflineTileSource();
    private static volatile OnlineTileSource online;

    /** Sends tile requests to {@code source}, or to the offline renderer when {@code null}. */
    static void route(OnlineTileSource source) {
        online = source;
    }

    /** The offline renderer shared by every map in this JVM. */
    static OfflineTileSource offline() {
        return OFFLINE;
    }

    /** Tiles requested but not yet delivered (offline and online): lets screenshots wait for a complete map. */
    public static int pendingTiles() {
        return OFFLINE.pending() + (online == null ? 0 : online.pending());
    }

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        OnlineTileSource o = online;
        return o == null ? OFFLINE.loadTile(zoom, i, j) : o.loadTile(zoom, i, j, OFFLINE);
    }
}
