package org.incidentatlas.ui;

import javafx.scene.canvas.GraphicsContext;

/**
 * One shape per category (by the category's position), so that categories stay apart without colour too.
 * Shapes are drawn centred on (x, y) with "radius" r; all have about the same visual weight.
 */
public enum MarkerShapes {
    CIRCLE, SQUARE, DIAMOND, TRIANGLE, TRIANGLE_DOWN, HEXAGON, STAR, PENTAGON;

    /** The shape of the category at {@code categoryIndex}. */
    public static MarkerShapes forCategory(int categoryIndex) {
        MarkerShapes[] all = values();
        return all[Math.floorMod(categoryIndex, all.length)];
    }

    /** Fills and/or strokes this shape with the context's current paints. */
    public void draw(GraphicsContext g, double x, double y, double r, boolean fill, boolean stroke) {
        if (this == CIRCLE) {
            if (fill) {
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
            }
            if (stroke) {
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
            return;
        }
        double[][] p = polygon(x, y, r);
        if (fill) {
            g.fillPolygon(p[0], p[1], p[0].length);
        }
        if (stroke) {
            g.strokePolygon(p[0], p[1], p[0].length);
        }
    }

    private double[][] polygon(double x, double y, double r) {
        return switch (this) {
            case SQUARE -> regular(x, y, r * 1.2, 4, Math.PI / 4);
            case DIAMOND -> regular(x, y, r * 1.3, 4, 0);
            case TRIANGLE -> regular(x, y, r * 1.4, 3, -Math.PI / 2);
            case TRIANGLE_DOWN -> regular(x, y, r * 1.4, 3, Math.PI / 2);
            case HEXAGON -> regular(x, y, r * 1.1, 6, 0);
            case PENTAGON -> regular(x, y, r * 1.15, 5, -Math.PI / 2);
            case STAR -> star(x, y, r * 1.45, r * 0.65);
            default -> regular(x, y, r, 24, 0);
        };
    }

    private static double[][] regular(double x, double y, double r, int n, double start) {
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double a = start + 2 * Math.PI * i / n;
            xs[i] = x + r * Math.cos(a);
            ys[i] = y + r * Math.sin(a);
        }
        return new double[][] {xs, ys};
    }

    private static double[][] star(double x, double y, double outer, double inner) {
        double[] xs = new double[10];
        double[] ys = new double[10];
        for (int i = 0; i < 10; i++) {
            double a = -Math.PI / 2 + Math.PI * i / 5;
            double r = i % 2 == 0 ? outer : inner;
            xs[i] = x + r * Math.cos(a);
            ys[i] = y + r * Math.sin(a);
        }
        return new double[][] {xs, ys};
    }
}
