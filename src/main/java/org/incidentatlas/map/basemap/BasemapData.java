package org.incidentatlas.map.basemap;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The bundled offline basemap: named layers of polygons, lines and points (land, countries, admin-1
 * divisions, coastlines, borders, rivers, lakes, places), read from {@code basemap.bin}, which
 * {@code tools/basemap/convert.mjs} builds from Natural Earth and GeoNames data.
 *
 * <p>Coordinates are converted once, at load, to normalised Web Mercator: {@code x = (lon + 180) / 360}
 * and {@code y = (1 - ln(tan φ + sec φ) / π) / 2} with the latitude clamped to ±85.05112878°, so x grows
 * eastwards, y grows southwards and both lie in [0, 1].
 *
 * <p>Instances are thread-safe and, as seen from outside, immutable once {@link #read} or {@link #loadBundled}
 * has returned (layers are decoded on first use).
 * The coordinate arrays of a {@link Feature} are shared, not copied: callers must not modify them.
 *
 * <p>File format (gzip-compressed; big-endian as {@link java.io.DataOutputStream} writes):
 * <pre>
 * "IABM", int32 version (1), int32 layerCount,
 *   per layer:   UTF name, byte kind (1 polygon, 2 line, 3 point), int32 featureCount,
 *   per feature: UTF name, UTF key, int32 rank, int32 partCount,
 *   per part:    int32 pointCount, pointCount × (int32 lonE6, int32 latE6)
 * </pre>
 */
public final class BasemapData {

    /** Geometry kind of a layer. */
    public enum Kind { POLYGON, LINE, POINT }

    /** The largest latitude that Web Mercator shows (the map is square). */
    public static final double MAX_LATITUDE = 85.05112878;

    /** The format version this reader understands. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC = {'I', 'A', 'B', 'M'};

    /** Sanity limits against corrupt files (far above what the bundled data needs). */
    private static final int MAX_COUNT = 50_000_000;

    /**
     * One feature. Parts are in normalised Web Mercator (x right, y down, both 0..1), with the bounding box
     * of all parts. {@code name} is "" when the feature has none; {@code key} is the country's ISO 3166-1
     * alpha-2 code where the layer has one, else ""; the meaning of {@code rank} depends on the layer
     * (area in km², population, or 0).
     */
    public record Feature(String name, String key, int rank, double[][] xs, double[][] ys,
                          double minX, double minY, double maxX, double maxY) {

        public Feature {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(xs, "xs");
            Objects.requireNonNull(ys, "ys");
            if (xs.length != ys.length) {
                throw new IllegalArgumentException("xs and ys have different part counts");
            }
        }

        /** True when the bounding box of this feature overlaps the rectangle (corners in any order). */
        public boolean intersects(double x0, double y0, double x1, double y1) {
            double loX = Math.min(x0, x1);
            double hiX = Math.max(x0, x1);
            double loY = Math.min(y0, y1);
            double hiY = Math.max(y0, y1);
            return maxX >= loX && minX <= hiX && maxY >= loY && minY <= hiY;
        }

        /** Number of parts (rings, lines or single points). */
        public int partCount() {
            return xs.length;
        }
    }

    /** A named layer of features of one kind, in file order. */
    public record Layer(String name, Kind kind, List<Feature> features) {
        public Layer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            features = List.copyOf(features);
        }
    }

    /**
     * A layer as found in the file: its name, kind and where its features lie in the decompressed bytes. The
     * features are decoded the first time the layer is asked for, so layers that are never drawn (the country
     * polygons; the first-level divisions until an incident is selected) cost a skim, not a decode.
     */
    private static final class Lazy {
        final String name;
        final Kind kind;
        final int featureCount;
        private byte[] raw;
        private Layer layer;

        Lazy(String name, Kind kind, int featureCount, byte[] raw) {
            this.name = name;
            this.kind = kind;
            this.featureCount = featureCount;
            this.raw = raw;
        }

        synchronized Layer get() {
            if (layer == null) {
                try {
                    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(raw));
                    List<Feature> features = new ArrayList<>(featureCount);
                    byte[] scratch = new byte[64 * 1024];
                    for (int f = 0; f < featureCount; f++) {
                        features.add(readFeature(in, name, scratch));
                    }
                    layer = new Layer(name, kind, features);
                    raw = null;
                } catch (IOException e) { // the skim checked every length, so only a bad name gets here
                    throw new UncheckedIOException("basemap: corrupt layer '" + name + "': " + e.getMessage(), e);
                }
            }
            return layer;
        }
    }

    private final List<Lazy> layers;
    private final Map<String, Lazy> byName;

    private BasemapData(List<Lazy> layers) {
        this.layers = List.copyOf(layers);
        Map<String, Lazy> map = new LinkedHashMap<>();
        for (Lazy layer : this.layers) {
            map.putIfAbsent(layer.name, layer);
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /**
     * Reads a gzip-compressed basemap. The stream is not closed. The whole structure is checked here; the
     * coordinates of a layer are decoded the first time {@link #layer} asks for it.
     *
     * @throws IOException when the data is not gzip, not a basemap, of another version, truncated or corrupt
     */
    public static BasemapData read(InputStream gzipped) throws IOException {
        Objects.requireNonNull(gzipped, "gzipped");
        byte[] bytes;
        try {
            bytes = new GZIPInputStream(gzipped, 1 << 16).readAllBytes();
        } catch (ZipException | EOFException e) {
            throw new IOException("basemap: not a valid gzip stream (" + e.getMessage() + ")", e);
        }
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes); // big-endian, as DataOutputStream wrote it
        try {
            for (int i = 0; i < 4; i++) {
                if (in.get() != MAGIC[i]) {
                    throw new IOException("basemap: bad magic, expected \"IABM\"");
                }
            }
            int version = in.getInt();
            if (version != VERSION) {
                throw new IOException("basemap: unsupported version " + version + ", expected " + VERSION);
            }
            int layerCount = count(in.getInt(), "layer count");
            List<Lazy> layers = new ArrayList<>(layerCount);
            for (int l = 0; l < layerCount; l++) {
                layers.add(skimLayer(in, bytes));
            }
            return new BasemapData(layers);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException("basemap: truncated data", e);
        }
    }

    /** Checks one layer's structure, skipping its coordinates, and keeps its bytes for decoding later. */
    private static Lazy skimLayer(java.nio.ByteBuffer in, byte[] bytes) throws IOException {
        String name = utf(in);
        int kindCode = in.get();
        Kind kind = switch (kindCode) {
            case 1 -> Kind.POLYGON;
            case 2 -> Kind.LINE;
            case 3 -> Kind.POINT;
            default -> throw new IOException("basemap: layer '" + name + "' has unknown kind " + kindCode);
        };
        int featureCount = count(in.getInt(), "feature count of layer '" + name + "'");
        int from = in.position();
        for (int f = 0; f < featureCount; f++) {
            skip(in, Short.toUnsignedInt(in.getShort())); // name
            skip(in, Short.toUnsignedInt(in.getShort())); // key
            in.getInt(); // rank
            int partCount = count(in.getInt(), "part count in layer '" + name + "'");
            for (int p = 0; p < partCount; p++) {
                int n = count(in.getInt(), "point count in layer '" + name + "'");
                skip(in, n * 8L);
            }
        }
        return new Lazy(name, kind, featureCount, java.util.Arrays.copyOfRange(bytes, from, in.position()));
    }

    private static void skip(java.nio.ByteBuffer in, long n) {
        if (n > in.remaining()) {
            throw new java.nio.BufferUnderflowException();
        }
        in.position(in.position() + (int) n);
    }

    private static String utf(java.nio.ByteBuffer in) throws IOException {
        int len = Short.toUnsignedInt(in.getShort());
        byte[] b = new byte[len + 2];
        b[0] = (byte) (len >> 8);
        b[1] = (byte) len;
        in.get(b, 2, len);
        return new DataInputStream(new java.io.ByteArrayInputStream(b)).readUTF();
    }

    private static Feature readFeature(DataInputStream in, String layer, byte[] buf) throws IOException {
        String name = in.readUTF();
        String key = in.readUTF();
        int rank = in.readInt();
        int partCount = count(in.readInt(), "part count in layer '" + layer + "'");
        double[][] xs = new double[partCount][];
        double[][] ys = new double[partCount][];
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < partCount; p++) {
            int n = count(in.readInt(), "point count in layer '" + layer + "'");
            double[] px = new double[n];
            double[] py = new double[n];
            int done = 0;
            while (done < n) {
                int chunk = Math.min(n - done, buf.length / 8);
                in.readFully(buf, 0, chunk * 8);
                for (int i = 0, b = 0; i < chunk; i++, b += 8) {
                    double x = mercatorX(intAt(buf, b) / 1e6);
                    double y = mercatorY(intAt(buf, b + 4) / 1e6);
                    px[done + i] = x;
                    py[done + i] = y;
                    if (x < minX) {
                        minX = x;
                    }
                    if (x > maxX) {
                        maxX = x;
                    }
                    if (y < minY) {
                        minY = y;
                    }
                    if (y > maxY) {
                        maxY = y;
                    }
                }
                done += chunk;
            }
            xs[p] = px;
            ys[p] = py;
        }
        if (minX > maxX) { // no points at all
            minX = minY = maxX = maxY = 0;
        }
        return new Feature(name, key, rank, xs, ys, minX, minY, maxX, maxY);
    }

    /** Big-endian int32 at {@code off}, as DataInputStream.readInt reads it. */
    private static int intAt(byte[] b, int off) {
        return (b[off] << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    private static int count(int value, String what) throws IOException {
        if (value < 0 || value > MAX_COUNT) {
            throw new IOException("basemap: corrupt " + what + ": " + value);
        }
        return value;
    }

    /**
     * Reads {@code basemap.bin} from the class path, next to this class. Each call reads the file again:
     * keep the result.
     *
     * @throws UncheckedIOException when the resource is missing or unreadable
     */
    public static BasemapData loadBundled() {
        try (InputStream in = BasemapData.class.getResourceAsStream("basemap.bin")) {
            if (in == null) {
                throw new FileNotFoundException("basemap: resource org/incidentatlas/map/basemap/basemap.bin not found");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * The layer with this name, or an empty layer (kind POINT, no features) when there is none. The first call
     * for a layer decodes it (tens to hundreds of milliseconds for the large ones); later calls return it.
     */
    public Layer layer(String name) {
        Lazy layer = byName.get(name);
        return layer != null ? layer.get() : new Layer(name, Kind.POINT, List.of());
    }

    /** All layers, in file order (decoding any not yet decoded). */
    public List<Layer> layers() {
        return layers.stream().map(Lazy::get).toList();
    }

    /** Normalised Web Mercator x (0 at 180° W, 1 at 180° E) of a longitude in degrees. */
    public static double mercatorX(double lon) {
        return (lon + 180.0) / 360.0;
    }

    /** Normalised Web Mercator y (0 at the top, 1 at the bottom) of a latitude in degrees, clamped to ±85.05°. */
    public static double mercatorY(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        double s = Math.sin(Math.toRadians(clamped));
        // ln(tan φ + sec φ) = atanh(sin φ) = ln((1 + sin φ) / (1 - sin φ)) / 2
        double y = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
        return Math.max(0.0, Math.min(1.0, y)); // ±85.05112878 is rounded: keep y exactly within 0..1
    }

    /** Longitude in degrees of a normalised Web Mercator x. */
    public static double lonOf(double mercX) {
        return mercX * 360.0 - 180.0;
    }

    /** Latitude in degrees of a normalised Web Mercator y. */
    public static double latOf(double mercY) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * mercY))));
    }

    /**
     * Whether the point lies inside the feature: the even-odd rule over all its parts, so holes (lakes,
     * enclaves) are excluded. Meaningful for polygon features; the parts are treated as closed rings.
     */
    public static boolean contains(Feature f, double lat, double lon) {
        double x = mercatorX(lon);
        double y = mercatorY(lat);
        if (x < f.minX() || x > f.maxX() || y < f.minY() || y > f.maxY()) {
            return false;
        }
        boolean inside = false;
        double[][] xs = f.xs();
        double[][] ys = f.ys();
        for (int p = 0; p < xs.length; p++) {
            double[] px = xs[p];
            double[] py = ys[p];
            int n = px.length;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double yi = py[i];
                double yj = py[j];
                if ((yi > y) != (yj > y)) {
                    double xCross = (px[j] - px[i]) * (y - yi) / (yj - yi) + px[i];
                    if (x < xCross) {
                        inside = !inside;
                    }
                }
            }
        }
        return inside;
    }
}
