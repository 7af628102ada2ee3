package org.incidentatlas.map;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Cluster discs (a pie of the category mix, a white rim, the count in a white centre) drawn once with Java2D
 * and reused as images. The software rasterizer draws a pie of seven arcs much more slowly than it copies a small
 * image, and on a pan or a time scrub the same discs come back frame after frame. Slices are rounded to 2°, so
 * discs whose mixes differ by less than that share an image. FX thread only.
 */
final class ClusterSprites {
    private static final int CAPACITY = 1024;

    private final Map<String, Image> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * The disc of radius {@code r} (logical px) for slices of {@code counts} (per category, in category order, out
     * of {@code total}) in {@code colors} (ARGB), faded when {@code faded}, at the screen's {@code scale}. The image
     * is {@code 2r + 4} logical pixels across, centred on the disc.
     */
    Image disc(double r, int[] counts, int total, int[] colors, boolean faded, double scale, String label) {
        StringBuilder key = new StringBuilder(48).append(Math.round(r * 4)).append(faded ? 'f' : 'v')
                .append(Math.round(scale * 4)).append('#').append(label);
        int[] degrees = new int[counts.length];
        for (int c = 0; c < counts.length; c++) {
            degrees[c] = (int) Math.round(180.0 * counts[c] / Math.max(1, total)); // 2° steps
            if (degrees[c] > 0) {
                key.append('|').append(c).append(':').append(degrees[c]).append(':')
                        .append(Integer.toHexString(colors[c]));
            }
        }
        return cache.computeIfAbsent(key.toString(), k -> render(r, degrees, colors, faded, scale, label));
    }

    int size() {
        return cache.size();
    }

    private static final java.awt.Font COUNT_FONT = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 11);

    private static final AtomicBoolean WARMED = new AtomicBoolean();

    /**
     * Draws one throw-away disc on a background thread, once per JVM: Java2D's first use (its graphics
     * environment, fonts and rasterizer) took ~60 ms, and at start-up it fell on the FX thread, which draws the
     * first clusters while the other core has little to do.
     */
    static void warmUpInBackground() {
        if (WARMED.compareAndSet(false, true)) {
            Thread t = new Thread(() -> render(10, new int[] {90}, new int[] {0xff336699}, false, 1, "2"),
                    "java2d-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    private static Image render(double r, int[] halfDegrees, int[] colors, boolean faded, double scale,
                                String label) {
        int px = (int) Math.ceil((2 * r + 4) * scale);
        double logical = px / scale;
        BufferedImage img = new BufferedImage(px, px, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            double c = logical / 2;
            double alpha = faded ? 0.3 : 1;
            int total = 0;
            for (int d : halfDegrees) {
                total += d;
            }
            double start = 90;
            for (int k = 0; k < halfDegrees.length; k++) {
                if (halfDegrees[k] <= 0) {
                    continue;
                }
                double extent = 360.0 * halfDegrees[k] / Math.max(1, total);
                g.setColor(color(colors[k], alpha));
                g.fill(new Arc2D.Double(c - r, c - r, 2 * r, 2 * r, start, -extent, Arc2D.PIE));
                start -= extent;
            }
            g.setColor(color(0xffffffff, alpha));
            g.setStroke(new BasicStroke(2f));
            g.draw(new Ellipse2D.Double(c - r, c - r, 2 * r, 2 * r));
            double inner = r * 0.58;
            g.setColor(color(0xffffffff, 0.95 * alpha));
            g.fill(new Ellipse2D.Double(c - inner, c - inner, 2 * inner, 2 * inner));
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(COUNT_FONT);
            var fm = g.getFontMetrics();
            g.setColor(color(0xff1e1e1e, alpha));
            g.drawString(label, (float) (c - fm.stringWidth(label) / 2.0),
                    (float) (c + (fm.getAscent() - fm.getDescent()) / 2.0));
        } finally {
            g.dispose();
        }
        int[] argb = img.getRGB(0, 0, px, px, null, 0, px);
        WritableImage out = new WritableImage(px, px);
        out.getPixelWriter().setPixels(0, 0, px, px, PixelFormat.getIntArgbInstance(), argb, 0, px);
        return out;
    }

    private static java.awt.Color color(int argb, double alpha) {
        int a = (int) Math.round(((argb >>> 24) & 0xff) * alpha);
        return new java.awt.Color((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff, a);
    }
}
