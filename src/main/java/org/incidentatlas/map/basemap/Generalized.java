package org.incidentatlas.map.basemap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The basemap's lines and polygons prepared for fast tile rendering: one simplified copy per band of zoom
 * levels (vertices closer than half a pixel at the band's finest zoom are dropped), and lines cut into short
 * pieces with their own bounding boxes so that a tile only walks the vertices near it.
 *
 * <p>Each feature is prepared for a band the first time a tile of that band overlaps it, so the first tiles of
 * a view over Iraq prepare the features near Iraq, not the world's (which took a few hundred milliseconds per
 * band and competed with the window for the CPU at start-up). Thread-safe; prepared pieces are immutable.
 */
final class Generalized {
    /** The finest zoom of each band; zooms beyond the last band use the data as bundled. */
    private static final int[] BAND_MAX_ZOOM = {2, 4, 6, 8};
    private static final int LINE_PIECE = 64;

    /** One layer in one band: its source features and, per feature, the pieces once prepared. */
    private static final class Prepared {
        final List<BasemapData.Feature> source;
        final java.util.concurrent.atomic.AtomicReferenceArray<Pieces> pieces;

        Prepared(List<BasemapData.Feature> source) {
            this.source = source;
            this.pieces = new java.util.concurrent.atomic.AtomicReferenceArray<>(source.size());
        }
    }

    private final Map<String, Prepared>[] bands;
    private final BasemapData data;
    private final List<String> lineLayers;

    /** {@code lineLayers} are cut into short pieces; every other layer is taken as polygons, split by area. */
    @SuppressWarnings("unchecked")
    Generalized(BasemapData data, List<String> lineLayers) {
        this.data = data;
        this.lineLayers = List.copyOf(lineLayers);
        this.bands = new Map[BAND_MAX_ZOOM.length + 1];
        for (int b = 0; b < bands.length; b++) {
            bands[b] = new java.util.concurrent.ConcurrentHashMap<>();
        }
    }

    private static int bandOf(int zoom) {
        int b = 0;
        while (b < BAND_MAX_ZOOM.length && zoom > BAND_MAX_ZOOM[b]) {
            b++;
        }
        return b;
    }

    /**
     * The pieces of {@code layer}, prepared for {@code zoom}, whose bounding boxes overlap the rectangle
     * {@code (x0, y0)–(x1, y1)} in normalised Mercator, in the layer's order.
     */
    List<BasemapData.Feature> features(String layer, int zoom, double x0, double y0, double x1, double y1) {
        int b = bandOf(zoom);
        Prepared prepared = bands[b].computeIfAbsent(layer, name -> new Prepared(data.layer(name).features()));
        boolean line = lineLayers.contains(layer);
        List<BasemapData.Feature> out = new ArrayList<>();
        for (int i = 0; i < prepared.source.size(); i++) {
            BasemapData.Feature f = prepared.source.get(i);
            if (!f.intersects(x0, y0, x1, y1)) {
                continue;
            }
            Pieces pieces = prepared.pieces.get(i);
            if (pieces == null) {
                pieces = prepare(f, b, line);
                prepared.pieces.compareAndSet(i, null, pieces); // two threads may both prepare; the same result
            }
            pieces.collect(x0, y0, x1, y1, out);
        }
        return out;
    }

    /** A feature prepared for one band: the pieces a tile needs, found by their boxes. */
    private interface Pieces {
        /** Adds the pieces whose boxes overlap the rectangle to {@code out}, in a fixed order. */
        void collect(double x0, double y0, double x1, double y1, List<BasemapData.Feature> out);
    }

    private static Pieces prepare(BasemapData.Feature f, int b, boolean line) {
        double tolerance = b < BAND_MAX_ZOOM.length ? 0.5 / (256 * Math.pow(2, BAND_MAX_ZOOM[b])) : 0;
        BasemapData.Feature s = tolerance > 0 ? simplify(f, tolerance, line ? 2 : 4) : f;
        if (s == null) {
            return (x0, y0, x1, y1, out) -> { };
        }
        if (line) {
            List<BasemapData.Feature> cut = new ArrayList<>();
            cut(s, cut);
            return (x0, y0, x1, y1, out) -> {
                for (BasemapData.Feature piece : cut) {
                    if (piece.intersects(x0, y0, x1, y1)) {
                        out.add(piece);
                    }
                }
            };
        }
        // Overlap neighbouring pieces by a pixel at the band's coarsest zoom: same-colour fills leave no
        // anti-aliasing seam where a polygon was cut. No piece smaller than a tile at the band's finest zoom.
        int coarsest = b == 0 ? 0 : BAND_MAX_ZOOM[b - 1] + 1;
        double minCell = 1.0 / Math.pow(2, b < BAND_MAX_ZOOM.length ? BAND_MAX_ZOOM[b] : 11);
        return new Quad(s, s.minX(), s.minY(), s.maxX(), s.maxY(), 1.0 / (256 * Math.pow(2, coarsest)), minCell);
    }

    private static final int POLYGON_PIECE = 1024;

    /**
     * A polygon feature cut into pieces of about {@value #POLYGON_PIECE} vertices by clipping it to quadrants of
     * its box, recursively (Sutherland–Hodgman per ring; even-odd fill keeps holes), so that a tile fills only
     * the pieces it overlaps instead of walking a continent's outline. A quadrant is clipped the first time a
     * tile reaches into it: a view over Iraq cuts Eurasia down the quadrants that lead to Iraq only.
     */
    private static final class Quad implements Pieces {
        private final BasemapData.Feature feature;
        private final double x0;
        private final double y0;
        private final double x1;
        private final double y1;
        private final double margin;
        private final double minCell;
        private final boolean leaf;
        /** The four quadrants, made on demand; a quadrant with nothing in it is {@link #EMPTY}. */
        private final java.util.concurrent.atomic.AtomicReferenceArray<Quad> children;

        private static final Quad EMPTY = new Quad();

        private Quad() {
            feature = null;
            x0 = y0 = x1 = y1 = margin = minCell = 0;
            leaf = true;
            children = null;
        }

        Quad(BasemapData.Feature f, double x0, double y0, double x1, double y1, double margin, double minCell) {
            this.feature = f;
            this.x0 = x0;
            this.y0 = y0;
            this.x1 = x1;
            this.y1 = y1;
            this.margin = margin;
            this.minCell = minCell;
            int points = 0;
            for (double[] part : f.xs()) {
                points += part.length;
            }
            this.leaf = points <= POLYGON_PIECE || Math.max(x1 - x0, y1 - y0) < 2 * minCell;
            this.children = leaf ? null : new java.util.concurrent.atomic.AtomicReferenceArray<>(4);
        }

        @Override
        public void collect(double qx0, double qy0, double qx1, double qy1, List<BasemapData.Feature> out) {
            if (feature == null) {
                return;
            }
            if (leaf) {
                if (feature.intersects(qx0, qy0, qx1, qy1)) {
                    out.add(feature);
                }
                return;
            }
            double mx = (x0 + x1) / 2;
            double my = (y0 + y1) / 2;
            for (int q = 0; q < 4; q++) {
                double cx0 = q % 2 == 0 ? x0 : mx;
                double cx1 = q % 2 == 0 ? mx : x1;
                double cy0 = q < 2 ? y0 : my;
                double cy1 = q < 2 ? my : y1;
                // every piece under this quadrant lies within it, widened by the margin
                if (cx1 + margin < Math.min(qx0, qx1) || cx0 - margin > Math.max(qx0, qx1)
                        || cy1 + margin < Math.min(qy0, qy1) || cy0 - margin > Math.max(qy0, qy1)) {
                    continue;
                }
                Quad child = children.get(q);
                if (child == null) {
                    child = child(cx0, cy0, cx1, cy1);
                    children.compareAndSet(q, null, child);
                }
                child.collect(qx0, qy0, qx1, qy1, out);
            }
        }

        private Quad child(double cx0, double cy0, double cx1, double cy1) {
            List<double[]> xs = new ArrayList<>();
            List<double[]> ys = new ArrayList<>();
            for (int p = 0; p < feature.xs().length; p++) {
                double[][] clipped = clip(feature.xs()[p], feature.ys()[p], cx0 - margin, cy0 - margin,
                        cx1 + margin, cy1 + margin);
                if (clipped[0].length >= 3) {
                    xs.add(clipped[0]);
                    ys.add(clipped[1]);
                }
            }
            if (xs.isEmpty()) {
                return EMPTY;
            }
            return new Quad(feature(feature, xs.toArray(double[][]::new), ys.toArray(double[][]::new)), cx0, cy0,
                    cx1, cy1, margin, minCell);
        }
    }

    /** Sutherland–Hodgman clipping of one closed ring to a rectangle; rings wholly inside or outside are not walked twice. */
    static double[][] clip(double[] xs, double[] ys, double x0, double y0, double x1, double y1) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        if (minX >= x0 && maxX <= x1 && minY >= y0 && maxY <= y1) {
            return new double[][] {xs, ys};
        }
        if (maxX < x0 || minX > x1 || maxY < y0 || minY > y1) {
            return new double[][] {new double[0], new double[0]};
        }
        double[][] r = {xs, ys};
        double[] bounds = {x0, x1, y0, y1};
        double[] ringBounds = {minX, maxX, minY, maxY};
        for (int edge = 0; edge < 4 && r[0].length > 0; edge++) {
            boolean crosses = edge % 2 == 0 ? ringBounds[edge] < bounds[edge] : ringBounds[edge] > bounds[edge];
            if (crosses) {
                r = clipEdge(r[0], r[1], edge, bounds[edge]);
            }
        }
        return r;
    }

    private static double[][] clipEdge(double[] xs, double[] ys, int edge, double v) {
        int n = xs.length;
        double[] ox = new double[n + 16];
        double[] oy = new double[n + 16];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double ax = xs[(i + n - 1) % n];
            double ay = ys[(i + n - 1) % n];
            double bx = xs[i];
            double by = ys[i];
            boolean ain = inside(ax, ay, edge, v);
            boolean bin = inside(bx, by, edge, v);
            if (k + 2 > ox.length) {
                ox = Arrays.copyOf(ox, ox.length * 2);
                oy = Arrays.copyOf(oy, oy.length * 2);
            }
            if (bin) {
                if (!ain) {
                    double[] c = cross(ax, ay, bx, by, edge, v);
                    ox[k] = c[0];
                    oy[k++] = c[1];
                }
                ox[k] = bx;
                oy[k++] = by;
            } else if (ain) {
                double[] c = cross(ax, ay, bx, by, edge, v);
                ox[k] = c[0];
                oy[k++] = c[1];
            }
        }
        return new double[][] {Arrays.copyOf(ox, k), Arrays.copyOf(oy, k)};
    }

    private static boolean inside(double x, double y, int edge, double v) {
        return switch (edge) {
            case 0 -> x >= v;
            case 1 -> x <= v;
            case 2 -> y >= v;
            default -> y <= v;
        };
    }

    private static double[] cross(double ax, double ay, double bx, double by, int edge, double v) {
        if (edge < 2) {
            double t = (v - ax) / (bx - ax);
            return new double[] {v, ay + t * (by - ay)};
        }
        double t = (v - ay) / (by - ay);
        return new double[] {ax + t * (bx - ax), v};
    }

    /** Drops vertices within {@code tolerance} of the last kept one; parts shorter than {@code minPoints} go. */
    static BasemapData.Feature simplify(BasemapData.Feature f, double tolerance, int minPoints) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (int p = 0; p < f.xs().length; p++) {
            double[] px = f.xs()[p];
            double[] py = f.ys()[p];
            double[] kx = new double[px.length];
            double[] ky = new double[py.length];
            int k = 0;
            for (int i = 0; i < px.length; i++) {
                boolean last = i == px.length - 1;
                if (k == 0 || last || Math.abs(px[i] - kx[k - 1]) >= tolerance
                        || Math.abs(py[i] - ky[k - 1]) >= tolerance) {
                    kx[k] = px[i];
                    ky[k] = py[i];
                    k++;
                }
            }
            if (k >= minPoints) {
                xs.add(Arrays.copyOf(kx, k));
                ys.add(Arrays.copyOf(ky, k));
            }
        }
        if (xs.isEmpty()) {
            return null;
        }
        return feature(f, xs.toArray(double[][]::new), ys.toArray(double[][]::new));
    }

    /** Cuts a line feature into pieces of at most {@value #LINE_PIECE} vertices (sharing their end points). */
    private static void cut(BasemapData.Feature f, List<BasemapData.Feature> out) {
        for (int p = 0; p < f.xs().length; p++) {
            double[] px = f.xs()[p];
            double[] py = f.ys()[p];
            for (int start = 0; start < px.length - 1; start += LINE_PIECE - 1) {
                int end = Math.min(px.length, start + LINE_PIECE);
                out.add(feature(f, new double[][] {Arrays.copyOfRange(px, start, end)},
                        new double[][] {Arrays.copyOfRange(py, start, end)}));
            }
        }
    }

    private static BasemapData.Feature feature(BasemapData.Feature like, double[][] xs, double[][] ys) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < xs.length; p++) {
            for (int i = 0; i < xs[p].length; i++) {
                minX = Math.min(minX, xs[p][i]);
                maxX = Math.max(maxX, xs[p][i]);
                minY = Math.min(minY, ys[p][i]);
                maxY = Math.max(maxY, ys[p][i]);
            }
        }
        return new BasemapData.Feature(like.name(), like.key(), like.rank(), xs, ys, minX, minY, maxX, maxY);
    }
}
