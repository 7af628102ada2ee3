package org.incidentatlas.map;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.incidentatlas.map.basemap.TileRenderer;
import org.incidentatlas.map.basemap.WorldGeometry;

/**
 * Gluon Maps' tile source, replaced through {@code META-INF/services/com.gluonhq.maps.tile.TileRetriever} so
 * that the map never touches the network: tiles are drawn locally from bundled Natural Earth data.
 *
 * <p>Gluon creates one instance per JVM through {@link java.util.ServiceLoader} and calls {@link #loadTile} on
 * the FX thread. Rendering runs on two daemon threads; the future completes on the FX thread (Gluon sets the
 * image on whichever thread completes it). Rendered tiles are kept in a small LRU cache.
 */
public final class OfflineTileRetriever implements com.gluonhq.maps.tile.TileRetriever {
    private static final int CACHE_TILES = 512;
    private static final AtomicInteger PENDING = new AtomicInteger();

    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "basemap-tiles");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private volatile TileRenderer renderer;
    private final Map<Long, Image> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Image> eldest) {
            return size() > CACHE_TILES;
        }
    };

    /** Tiles requested but not yet delivered, across the JVM: lets the screenshot mode wait for a complete map. */
    public static int pendingTiles() {
        return PENDING.get();
    }

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        long key = ((long) zoom << 58) | (i << 29) | j;
        Image cached;
        synchronized (cache) {
            cached = cache.get(key);
        }
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        CompletableFuture<Image> future = new CompletableFuture<>();
        PENDING.incrementAndGet();
        executor.execute(() -> {
            Image image = null;
            try {
                int[] pixels = renderer().render(zoom, i, j, 1);
                WritableImage w = new WritableImage(TileRenderer.TILE_SIZE, TileRenderer.TILE_SIZE);
                w.getPixelWriter().setPixels(0, 0, TileRenderer.TILE_SIZE, TileRenderer.TILE_SIZE,
                        PixelFormat.getIntArgbPreInstance(), pixels, 0, TileRenderer.TILE_SIZE);
                image = w;
                synchronized (cache) {
                    cache.put(key, w);
                }
            } catch (RuntimeException e) {
                System.getLogger(OfflineTileRetriever.class.getName()).log(System.Logger.Level.WARNING,
                        "basemap tile " + zoom + "/" + i + "/" + j + " failed", e);
            }
            Image result = image;
            Platform.runLater(() -> {
                PENDING.decrementAndGet();
                if (result != null) {
                    future.complete(result);
                } else {
                    future.completeExceptionally(new IllegalStateException("tile failed"));
                }
            });
        });
        return future;
    }

    private TileRenderer renderer() {
        TileRenderer r = renderer;
        if (r == null) {
            synchronized (this) {
                r = renderer;
                if (r == null) {
                    r = new TileRenderer(WorldGeometry.loadBundled());
                    renderer = r;
                }
            }
        }
        return r;
    }
}
