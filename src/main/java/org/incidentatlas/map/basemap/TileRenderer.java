package org.incidentatlas.map.basemap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;

/**
 * Renders 256-pixel Web Mercator tiles of land, sea, coasts and borders into ARGB pixels, using Java2D so
 * that it runs on any thread (no JavaFX). Thread-safe: every call draws into its own image.
 */
public final class TileRenderer {
    public static final int TILE_SIZE = 256;

    static final Color SEA = new Color(0xB8D3E6);
    static final Color LAND = new Color(0xF3F0E8);
    static final Color COAST = new Color(0x7E9FB8);
    static final Color BORDER = new Color(0xA08FA6);

    private final WorldGeometry world;

    public TileRenderer(WorldGeometry world) {
        this.world = world;
    }

    /**
     * Renders tile ({@code zoom}, {@code x}, {@code y}) at {@code scale} device pixels per tile pixel.
     *
     * @return premultiplied ARGB pixels, row-major, {@code (256 * scale)²} of them
     */
    public int[] render(int zoom, long x, long y, int scale) {
        int size = TILE_SIZE * scale;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(SEA);
            g.fillRect(0, 0, size, size);
            double tiles = Math.pow(2, zoom);
            // Tile bounds in normalised Mercator units, with a small margin so strokes join across tiles.
            double margin = 4.0 / (TILE_SIZE * tiles);
            double x0 = x / tiles - margin;
            double y0 = y / tiles - margin;
            double x1 = (x + 1) / tiles + margin;
            double y1 = (y + 1) / tiles + margin;
            double k = size * tiles;
            double ox = x * (double) size;
            double oy = y * (double) size;
            // Skip vertices closer than ~0.35 px apart: the 1:50m data is far denser than low zooms can show.
            double minStep = 0.35 / k;

            g.setColor(LAND);
            for (WorldGeometry.Polygon poly : world.polygons()) {
                List<WorldGeometry.Shape> rings = poly.rings();
                if (rings.isEmpty() || !rings.get(0).intersects(x0, y0, x1, y1)) {
                    continue;
                }
                Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                for (WorldGeometry.Shape ring : rings) {
                    append(path, ring, k, ox, oy, minStep, true);
                }
                g.fill(path);
            }
            float lineScale = (float) scale * (zoom >= 5 ? 1.0f : 0.75f);
            g.setColor(COAST);
            g.setStroke(new BasicStroke(0.8f * lineScale, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            drawLines(g, world.coastlines(), x0, y0, x1, y1, k, ox, oy, minStep);
            g.setColor(BORDER);
            g.setStroke(new BasicStroke(1.0f * lineScale, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {4f * lineScale, 2f * lineScale}, 0f));
            drawLines(g, world.borders(), x0, y0, x1, y1, k, ox, oy, minStep);
        } finally {
            g.dispose();
        }
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    private static void drawLines(Graphics2D g, List<WorldGeometry.Shape> lines, double x0, double y0, double x1,
                                  double y1, double k, double ox, double oy, double minStep) {
        for (WorldGeometry.Shape line : lines) {
            if (line.intersects(x0, y0, x1, y1)) {
                Path2D.Double path = new Path2D.Double();
                append(path, line, k, ox, oy, minStep, false);
                g.draw(path);
            }
        }
    }

    private static void append(Path2D.Double path, WorldGeometry.Shape s, double k, double ox, double oy,
                               double minStep, boolean close) {
        double[] xs = s.xs();
        double[] ys = s.ys();
        double lastX = xs[0];
        double lastY = ys[0];
        path.moveTo(xs[0] * k - ox, ys[0] * k - oy);
        int n = xs.length;
        for (int i = 1; i < n; i++) {
            if (i < n - 1 && Math.abs(xs[i] - lastX) < minStep && Math.abs(ys[i] - lastY) < minStep) {
                continue;
            }
            lastX = xs[i];
            lastY = ys[i];
            path.lineTo(xs[i] * k - ox, ys[i] * k - oy);
        }
        if (close) {
            path.closePath();
        }
    }
}
