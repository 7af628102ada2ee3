package org.incidentatlas.map.basemap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The basemap's lines and polygons prepared for fast tile rendering: one simplified copy per band of zoom
 * levels (vertices closer than half a pixel at the band's finest zoom are dropped), and lines cut into short
 * pieces with their own bounding boxes so that a tile only walks the vertices near it. Built once; immutable.
 */
final class Generalized {
    /** The finest zoom of each band; zooms beyond the last band use the data as bundled. */
    private static final int[] BAND_MAX_ZOOM = {2, 4, 6, 8};
    private static final int LINE_PIECE = 64;

    private final Map<String, List<BasemapData.Feature>>[] bands;
    private final BasemapData data;
    private final List<String> polygonLayers;
    private final List<String> lineLayers;

    /** Bands are prepared lazily, the first time a tile of that band is drawn (a few hundred ms each). */
    @SuppressWarnings("unchecked")
    Generalized(BasemapData data, List<String> polygonLayers, List<String> lineLayers) {
        this.data = data;
        this.polygonLayers = List.copyOf(polygonLayers);
        this.lineLayers = List.copyOf(lineLayers);
        this.bands = new Map[BAND_MAX_ZOOM.length + 1];
    }

    private synchronized Map<String, List<BasemapData.Feature>> band(int b) {
        if (bands[b] == null) {
            Map<String, List<BasemapData.Feature>> m = new HashMap<>();
            for (String name : polygonLayers) {
                m.put(name, prepare(name, b, false));
            }
            for (String name : lineLayers) {
                m.put(name, prepare(name, b, true));
            }
            bands[b] = m;
        }
        return bands[b];
    }

    private List<BasemapData.Feature> prepare(String name, int b, boolean line) {
        List<BasemapData.Feature> source = data.layer(name).features();
        double tolerance = b < BAND_MAX_ZOOM.length ? 0.5 / (256 * Math.pow(2, BAND_MAX_ZOOM[b])) : 0;
        List<BasemapData.Feature> features = new ArrayList<>();
        for (BasemapData.Feature f : source) {
            BasemapData.Feature s = tolerance > 0 ? simplify(f, tolerance, line ? 2 : 4) : f;
            if (s == null) {
                continue;
            }
            if (line) {
                cut(s, features);
            } else {
                // Overlap neighbouring pieces by a pixel at the band's coarsest zoom: same-colour fills
                // then leave no anti-aliasing seam where a polygon was cut.
                int coarsest = b == 0 ? 0 : BAND_MAX_ZOOM[b - 1] + 1;
                // No piece smaller than a tile at the band's finest zoom: cutting further gains nothing.
                double minCell = 1.0 / Math.pow(2, b < BAND_MAX_ZOOM.length ? BAND_MAX_ZOOM[b] : 11);
                split(s, s.minX(), s.minY(), s.maxX(), s.maxY(), 1.0 / (256 * Math.pow(2, coarsest)), minCell,
                        features);
            }
        }
        return List.copyOf(features);
    }

    /** The features of {@code layer} prepared for {@code zoom}. */
    List<BasemapData.Feature> features(String layer, int zoom) {
        int b = 0;
        while (b < BAND_MAX_ZOOM.length && zoom > BAND_MAX_ZOOM[b]) {
            b++;
        }
        List<BasemapData.Feature> f = band(b).get(layer);
        return f != null ? f : data.layer(layer).features();
    }

    private static final int POLYGON_PIECE = 1024;

    /**
     * Cuts a polygon feature into pieces of about {@value #POLYGON_PIECE} vertices by clipping it to quadrants
     * of its box, recursively (Sutherland–Hodgman per ring, even-odd fill keeps holes). A tile then fills only
     * the pieces it overlaps instead of walking a continent's outline.
     */
    static void split(BasemapData.Feature f, double x0, double y0, double x1, double y1, double margin,
                      double minCell, List<BasemapData.Feature> out) {
        int points = 0;
        for (double[] part : f.xs()) {
            points += part.length;
        }
        if (points <= POLYGON_PIECE || Math.max(x1 - x0, y1 - y0) < 2 * minCell) {
            out.add(f);
            return;
        }
        double mx = (x0 + x1) / 2;
        double my = (y0 + y1) / 2;
        double[][] quads = {{x0, y0, mx, my}, {mx, y0, x1, my}, {x0, my, mx, y1}, {mx, my, x1, y1}};
        for (double[] q : quads) {
            List<double[]> xs = new ArrayList<>();
            List<double[]> ys = new ArrayList<>();
            for (int p = 0; p < f.xs().length; p++) {
                double[][] clipped = clip(f.xs()[p], f.ys()[p], q[0] - margin, q[1] - margin, q[2] + margin,
                        q[3] + margin);
                if (clipped[0].length >= 3) {
                    xs.add(clipped[0]);
                    ys.add(clipped[1]);
                }
            }
            if (!xs.isEmpty()) {
                split(feature(f, xs.toArray(double[][]::new), ys.toArray(double[][]::new)), q[0], q[1], q[2], q[3],
                        margin, minCell, out);
            }
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
