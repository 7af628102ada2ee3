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
import javafx.stage.Screen;
import org.incidentatlas.map.basemap.BasemapData;
import org.incidentatlas.map.basemap.TileRenderer;

/**
 * Tiles drawn locally from the bundled basemap, so the map never needs the network.
 *
 * <p>{@link #loadTile} is called on the FX thread; rendering runs on two low-priority daemon threads and the
 * future completes on the FX thread (Gluon sets the image on whichever thread completes it). Tiles are rendered
 * at the screen's output scale (2× on HiDPI; Gluon shows every tile at 256 logical pixels) and kept in an LRU
 * cache of {@value #CACHE_TILES} tiles.
 */
final class OfflineTileSource {
    private static final int CACHE_TILES = 512;

    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "basemap-tiles");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final AtomicInteger pending = new AtomicInteger();
    /** Renders queued or running on the tile threads (pending also counts those not yet handed back). */
    private final AtomicInteger rendering = new AtomicInteger();
    private volatile TileRenderer renderer;
    private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
    private final Map<Long, Image> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Image> eldest) {
            return size() > CACHE_TILES;
        }
    };

    int pending() {
        return pending.get();
    }

    /**
     * Waits, off or on the FX thread, until no tile is queued or being rendered, or {@code millis} pass: lets
     * the benchmark time the incident layer without the basemap's rendering on the other core.
     *
     * @return whether the tile threads are idle
     */
    boolean awaitIdle(long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000;
        while (rendering.get() > 0 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        return rendering.get() == 0;
    }

    /**
     * Holds rendering and the loading of the basemap until {@code until} completes, unless held already. The
     * map holds it until its window has been laid out once: on two cores, tiles drawn while the window is
     * being built take the CPU (and the JIT's attention) from it, and the incidents matter more than the sea.
     */
    void holdUntil(CompletableFuture<Void> until) {
        if (gate.isDone()) {
            gate = until;
        }
    }

    /** Runs {@code task} on a tile thread once rendering is no longer held. */
    void whenOpen(Runnable task) {
        CompletableFuture<Void> g = gate;
        if (g.isDone()) {
            executor.execute(task);
        } else {
            g.whenComplete((v, e) -> executor.execute(task));
        }
    }

    CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        int scale = outputScale();
        long key = ((long) zoom << 56) | ((long) scale << 52) | (i << 26) | j;
        Image cached;
        synchronized (cache) {
            cached = cache.get(key);
        }
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        CompletableFuture<Image> future = new CompletableFuture<>();
        pending.incrementAndGet();
        rendering.incrementAndGet();
        whenOpen(() -> {
            Image image = null;
            Throwable failure = null;
            try {
                image = render(zoom, i, j, scale);
                synchronized (cache) {
                    cache.put(key, image);
                }
            } catch (RuntimeException | Error e) {
                failure = e;
                System.getLogger(OfflineTileSource.class.getName()).log(System.Logger.Level.WARNING,
                        "basemap tile " + zoom + "/" + i + "/" + j + " failed", e);
            } finally {
                rendering.decrementAndGet();
            }
            Image result = image;
            Throwable f = failure;
            Platform.runLater(() -> {
                pending.decrementAndGet();
                if (result != null) {
                    future.complete(result);
                } else {
                    future.completeExceptionally(f);
                }
            });
        });
        return future;
    }

    /** Renders one tile now, on the calling thread. */
    Image render(int zoom, long i, long j, int scale) {
        int size = TileRenderer.TILE_SIZE * scale;
        int[] pixels = renderer().render(zoom, i, j, scale);
        WritableImage w = new WritableImage(size, size);
        w.getPixelWriter().setPixels(0, 0, size, size, PixelFormat.getIntArgbPreInstance(), pixels, 0, size);
        return w;
    }

    private static int outputScale() {
        try {
            return Math.max(1, Math.min(3, (int) Math.ceil(Screen.getPrimary().getOutputScaleX())));
        } catch (RuntimeException e) {
            return 1;
        }
    }

    TileRenderer renderer() {
        TileRenderer r = renderer;
        if (r == null) {
            synchronized (this) {
                r = renderer;
                if (r == null) {
                    r = new TileRenderer(BasemapData.loadBundled());
                    renderer = r;
                }
            }
        }
        return r;
    }
}
