package org.incidentatlas.map.basemap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Renders 256-pixel Web Mercator tiles of the bundled basemap with Java2D, so it runs on any thread and never
 * touches JavaFX: sea, land, lakes, rivers, first-level boundaries, country borders, coasts, and labels placed
 * by {@link LabelPlacer}. Line widths and the detail shown follow the zoom. Thread-safe.
 */
public final class TileRenderer {
    public static final int TILE_SIZE = 256;

    public static final Color SEA = new Color(0xAFCDE3);
    public static final Color LAND = new Color(0xF4F1EA);
    static final Color WATER_LINE = new Color(0x6E9FC6);
    static final Color COAST = new Color(0x7C9DB6);
    public static final Color BORDER = new Color(0x8E7B93);
    static final Color ADMIN1 = new Color(0xB7A6B9);
    static final Color COUNTRY_TEXT = new Color(0x6A5A70);
    static final Color TOWN_TEXT = new Color(0x2F2F2F);
    static final Color REGION_TEXT = new Color(0x8B7E8E);
    static final Color HALO = new Color(255, 255, 255, 200);

    private final BasemapData data;
    private final LabelPlacer labels;
    private final Generalized shapes;

    /** Ready at once: the shapes near a tile are simplified for its zoom band the first time one is drawn. */
    public TileRenderer(BasemapData data) {
        this.data = data;
        this.labels = new LabelPlacer(data);
        this.shapes = new Generalized(data, java.util.List.of("admin1-borders", "rivers", "coastline",
                "country-borders"));
    }

    public BasemapData data() {
        return data;
    }

    public LabelPlacer labels() {
        return labels;
    }

    /**
     * Renders tile ({@code zoom}, {@code x}, {@code y}) at {@code scale} device pixels per tile pixel.
     *
     * @return premultiplied ARGB pixels, row-major, {@code (256 · scale)²} of them
     */
    public int[] render(int zoom, long x, long y, int scale) {
        int size = TILE_SIZE * scale;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(SEA);
            g.fillRect(0, 0, size, size);
            g.scale(scale, scale); // draw in tile pixels; lines and text stay crisp on HiDPI
            View v = new View(zoom, x, y, 1.0 / scale);

            fill(g, v, "land", LAND);
            if (zoom >= 3) {
                fill(g, v, "lakes", SEA);
            }
            if (zoom >= 4) {
                float w = zoom >= 7 ? 1.0f : 0.7f;
                stroke(g, v, "admin1-borders", ADMIN1, new BasicStroke(w, BasicStroke.CAP_ROUND,
                        BasicStroke.JOIN_ROUND, 10f, new float[] {1.5f, 2.5f}, 0f), Integer.MAX_VALUE);
            }
            if (zoom >= 3) {
                float w = zoom <= 4 ? 0.6f : zoom <= 6 ? 1.0f : zoom <= 8 ? 1.4f : 2.0f;
                stroke(g, v, "rivers", WATER_LINE, new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND),
                        zoom + 3);
            }
            float bw = zoom <= 3 ? 0.7f : zoom <= 6 ? 1.1f : 1.6f;
            stroke(g, v, "coastline", COAST, new BasicStroke(bw * 0.8f, BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND), Integer.MAX_VALUE);
            stroke(g, v, "country-borders", BORDER, new BasicStroke(bw, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
                    10f, new float[] {4f * bw, 2f * bw}, 0f), Integer.MAX_VALUE);
            drawLabels(g, v);
        } finally {
            g.dispose();
        }
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    /** The tile's window onto normalised Mercator space, with a margin so strokes join across tiles. */
    private static final class View {
        final int zoom;
        final double k;
        final double ox;
        final double oy;
        final double x0;
        final double y0;
        final double x1;
        final double y1;
        final double minStep;

        View(int zoom, long x, long y, double devicePx) {
            this.zoom = zoom;
            double tiles = Math.pow(2, zoom);
            k = TILE_SIZE * tiles;
            ox = x * (double) TILE_SIZE;
            oy = y * (double) TILE_SIZE;
            double margin = 8.0 / k;
            x0 = x / tiles - margin;
            y0 = y / tiles - margin;
            x1 = (x + 1) / tiles + margin;
            y1 = (y + 1) / tiles + margin;
            minStep = 0.4 * devicePx / k; // vertices closer than ~half a device pixel add nothing
        }
    }

    private void fill(Graphics2D g, View v, String layer, Color color) {
        g.setColor(color);
        for (BasemapData.Feature f : shapes.features(layer, v.zoom, v.x0, v.y0, v.x1, v.y1)) {
            g.fill(path(f, v, true));
        }
    }

    private void stroke(Graphics2D g, View v, String layer, Color color, Stroke stroke, int maxRank) {
        g.setColor(color);
        g.setStroke(stroke);
        for (BasemapData.Feature f : shapes.features(layer, v.zoom, v.x0, v.y0, v.x1, v.y1)) {
            if (f.rank() <= maxRank) {
                g.draw(path(f, v, false));
            }
        }
    }

    private static Path2D.Double path(BasemapData.Feature f, View v, boolean close) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int p = 0; p < f.xs().length; p++) {
            double[] xs = f.xs()[p];
            double[] ys = f.ys()[p];
            if (xs.length == 0) {
                continue;
            }
            double lastX = xs[0];
            double lastY = ys[0];
            path.moveTo(xs[0] * v.k - v.ox, ys[0] * v.k - v.oy);
            int n = xs.length;
            for (int i = 1; i < n; i++) {
                if (i < n - 1 && Math.abs(xs[i] - lastX) < v.minStep && Math.abs(ys[i] - lastY) < v.minStep) {
                    continue;
                }
                lastX = xs[i];
                lastY = ys[i];
                path.lineTo(xs[i] * v.k - v.ox, ys[i] * v.k - v.oy);
            }
            if (close) {
                path.closePath();
            }
        }
        return path;
    }

    private static final BasicStroke HALO_STROKE = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final java.awt.font.FontRenderContext FRC = new java.awt.font.FontRenderContext(null, true, true);
    /** Glyph outlines and their halos at the origin, by kind and text: the same at every zoom and tile. */
    private final java.util.Map<String, java.awt.Shape[]> glyphCache = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, java.awt.Shape[]> eldest) {
                    return size() > 4096;
                }
            });

    private java.awt.Shape[] glyphs(LabelPlacer.Kind kind, String text) {
        return glyphCache.computeIfAbsent(kind.ordinal() + text, k -> {
            java.awt.Shape outline = LabelPlacer.fontOf(kind).createGlyphVector(FRC, text).getOutline();
            return new java.awt.Shape[] {outline, HALO_STROKE.createStrokedShape(outline)};
        });
    }

    private void drawLabels(Graphics2D g, View v) {
        double minX = v.ox - 200;
        double maxX = v.ox + TILE_SIZE + 200;
        double minY = v.oy - 40;
        double maxY = v.oy + TILE_SIZE + 40;
        AffineTransform saved = g.getTransform();
        g.translate(-v.ox, -v.oy);
        for (LabelPlacer.Placed p : labels.placed(v.zoom)) {
            java.awt.geom.Rectangle2D b = p.box();
            if (b.getMaxX() < minX || b.getMinX() > maxX || b.getMaxY() < minY || b.getMinY() > maxY) {
                continue;
            }
            if (!Double.isNaN(p.dotX())) {
                g.setColor(Color.WHITE);
                g.fill(new java.awt.geom.Ellipse2D.Double(p.dotX() - 3, p.dotY() - 3, 6, 6));
                g.setColor(TOWN_TEXT);
                g.fill(new java.awt.geom.Ellipse2D.Double(p.dotX() - 2, p.dotY() - 2, 4, 4));
            }
            java.awt.Shape[] glyphs = glyphs(p.kind(), p.text());
            AffineTransform at = g.getTransform();
            g.translate(p.x(), p.y());
            g.setColor(HALO);
            g.fill(glyphs[1]);
            g.setColor(switch (p.kind()) {
                case COUNTRY -> COUNTRY_TEXT;
                case TOWN -> TOWN_TEXT;
                case REGION -> REGION_TEXT;
            });
            g.fill(glyphs[0]);
            g.setTransform(at);
        }
        g.setTransform(saved);
    }
}
