package org.incidentatlas.map.basemap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Country polygons and their boundary lines, decoded once from the bundled Natural Earth 1:50m TopoJSON
 * ({@code countries-50m.topo.json}, from the npm package world-atlas 2.0.2) and projected to normalised Web
 * Mercator: x and y in [0, 1], y growing southwards. Immutable after construction; safe to share between
 * tile-rendering threads.
 */
public final class WorldGeometry {
    /** Web Mercator's latitude limit. */
    public static final double MAX_LAT = 85.05112878;

    /** A closed ring or an open line in normalised Mercator coordinates with its bounding box. */
    public record Shape(double[] xs, double[] ys, double minX, double minY, double maxX, double maxY) {
        static Shape of(double[] xs, double[] ys) {
            double minX = 1;
            double minY = 1;
            double maxX = 0;
            double maxY = 0;
            for (int i = 0; i < xs.length; i++) {
                minX = Math.min(minX, xs[i]);
                maxX = Math.max(maxX, xs[i]);
                minY = Math.min(minY, ys[i]);
                maxY = Math.max(maxY, ys[i]);
            }
            return new Shape(xs, ys, minX, minY, maxX, maxY);
        }

        boolean intersects(double x0, double y0, double x1, double y1) {
            return maxX >= x0 && minX <= x1 && maxY >= y0 && minY <= y1;
        }
    }

    /** One polygon: its outer ring first, holes after. */
    public record Polygon(List<Shape> rings) {
    }

    private final List<Polygon> polygons;
    private final List<Shape> coastlines;
    private final List<Shape> borders;

    private WorldGeometry(List<Polygon> polygons, List<Shape> coastlines, List<Shape> borders) {
        this.polygons = List.copyOf(polygons);
        this.coastlines = List.copyOf(coastlines);
        this.borders = List.copyOf(borders);
    }

    public List<Polygon> polygons() {
        return polygons;
    }

    /** Boundary lines used by one country only: the coast. */
    public List<Shape> coastlines() {
        return coastlines;
    }

    /** Boundary lines shared by two countries: land borders. */
    public List<Shape> borders() {
        return borders;
    }

    /** Loads the bundled data; takes a few tens of milliseconds. */
    public static WorldGeometry loadBundled() {
        try (InputStream in = WorldGeometry.class.getResourceAsStream("countries-50m.topo.json")) {
            if (in == null) {
                throw new IllegalStateException("bundled basemap data countries-50m.topo.json is missing");
            }
            return decode(new ObjectMapper().readTree(in), "countries");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled basemap data", e);
        }
    }

    /** Decodes the named geometry collection of a quantised TopoJSON topology. */
    static WorldGeometry decode(JsonNode topo, String objectName) {
        JsonNode transform = topo.get("transform");
        double sx = transform.get("scale").get(0).asDouble();
        double sy = transform.get("scale").get(1).asDouble();
        double tx = transform.get("translate").get(0).asDouble();
        double ty = transform.get("translate").get(1).asDouble();
        JsonNode arcsNode = topo.get("arcs");
        int arcCount = arcsNode.size();
        double[][] arcX = new double[arcCount][];
        double[][] arcY = new double[arcCount][];
        for (int a = 0; a < arcCount; a++) {
            JsonNode arc = arcsNode.get(a);
            double[] xs = new double[arc.size()];
            double[] ys = new double[arc.size()];
            long qx = 0;
            long qy = 0;
            for (int p = 0; p < arc.size(); p++) {
                qx += arc.get(p).get(0).asLong(); // delta-encoded quantised positions
                qy += arc.get(p).get(1).asLong();
                xs[p] = mercatorX(qx * sx + tx);
                ys[p] = mercatorY(qy * sy + ty);
            }
            arcX[a] = xs;
            arcY[a] = ys;
        }
        int[] uses = new int[arcCount];
        List<Polygon> polygons = new ArrayList<>();
        for (JsonNode geometry : topo.get("objects").get(objectName).get("geometries")) {
            String type = geometry.path("type").asText();
            JsonNode arcs = geometry.get("arcs");
            if ("Polygon".equals(type)) {
                polygons.add(polygon(arcs, arcX, arcY, uses));
            } else if ("MultiPolygon".equals(type)) {
                for (JsonNode poly : arcs) {
                    polygons.add(polygon(poly, arcX, arcY, uses));
                }
            }
        }
        List<Shape> coast = new ArrayList<>();
        List<Shape> borders = new ArrayList<>();
        for (int a = 0; a < arcCount; a++) {
            if (uses[a] == 1) {
                coast.add(Shape.of(arcX[a], arcY[a]));
            } else if (uses[a] > 1) {
                borders.add(Shape.of(arcX[a], arcY[a]));
            }
        }
        return new WorldGeometry(polygons, coast, borders);
    }

    private static Polygon polygon(JsonNode rings, double[][] arcX, double[][] arcY, int[] uses) {
        List<Shape> out = new ArrayList<>();
        for (JsonNode ring : rings) {
            List<double[]> xsParts = new ArrayList<>();
            List<double[]> ysParts = new ArrayList<>();
            int total = 0;
            for (JsonNode ref : ring) {
                int r = ref.asInt();
                boolean reversed = r < 0;
                int a = reversed ? ~r : r;
                uses[a]++;
                double[] xs = arcX[a];
                double[] ys = arcY[a];
                double[] px = new double[xs.length];
                double[] py = new double[ys.length];
                for (int i = 0; i < xs.length; i++) {
                    int s = reversed ? xs.length - 1 - i : i;
                    px[i] = xs[s];
                    py[i] = ys[s];
                }
                xsParts.add(px);
                ysParts.add(py);
                total += px.length;
            }
            double[] xs = new double[total];
            double[] ys = new double[total];
            int k = 0;
            for (int p = 0; p < xsParts.size(); p++) {
                System.arraycopy(xsParts.get(p), 0, xs, k, xsParts.get(p).length);
                System.arraycopy(ysParts.get(p), 0, ys, k, ysParts.get(p).length);
                k += xsParts.get(p).length;
            }
            out.add(Shape.of(xs, ys));
        }
        return new Polygon(out);
    }

    /** Longitude in degrees to normalised Mercator x in [0, 1]. */
    public static double mercatorX(double lon) {
        return (lon + 180) / 360;
    }

    /** Latitude in degrees to normalised Mercator y in [0, 1] (0 at the north edge). */
    public static double mercatorY(double lat) {
        double clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
        double rad = Math.toRadians(clamped);
        return (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2;
    }
}
