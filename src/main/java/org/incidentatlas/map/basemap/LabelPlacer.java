package org.incidentatlas.map.basemap;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, once per zoom level and for the whole world, which labels the basemap shows and where, so that
 * labels never overlap and a label that straddles a tile edge is drawn identically by both tiles.
 *
 * <p>Candidates in priority order: countries (largest first), towns (most populous first), then first-level
 * divisions; each kind appears from the zoom where it becomes readable, with size thresholds that relax as
 * you zoom in. Placement is greedy against a grid of already placed boxes. Thread-safe; results are cached.
 */
public final class LabelPlacer {
    /** What kind of label: decides font and colour. */
    public enum Kind { COUNTRY, TOWN, REGION }

    /**
     * One placed label in world pixels at its zoom ({@code 256 · 2^zoom} pixels around the world).
     *
     * @param text  the label
     * @param x     text origin x (left of the text)
     * @param y     text baseline y
     * @param dotX  the town's point (NaN for area labels)
     * @param dotY  the town's point
     * @param box   the box the label reserves (text plus dot), for collision and tile culling
     */
    public record Placed(Kind kind, String text, double x, double y, double dotX, double dotY, Rectangle2D box) {
    }

    static final Font COUNTRY_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    static final Font TOWN_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font REGION_FONT = new Font(Font.SANS_SERIF, Font.ITALIC, 10);
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final double PAD = 3;
    private static final double CELL = 64;

    private record Candidate(Kind kind, String text, double mx, double my, long rank, int order) {
    }

    private final List<Candidate> countries = new ArrayList<>();
    private final List<Candidate> towns = new ArrayList<>();
    private final List<Candidate> regions = new ArrayList<>();
    private final Map<Integer, List<Placed>> byZoom = new ConcurrentHashMap<>();

    public LabelPlacer(BasemapData data) {
        for (BasemapData.Feature f : data.layer("country-labels").features()) {
            if (!f.name().isEmpty()) {
                countries.add(new Candidate(Kind.COUNTRY, f.name().toUpperCase(Locale.ROOT), f.xs()[0][0],
                        f.ys()[0][0], f.rank(), 0));
            }
        }
        for (BasemapData.Feature f : data.layer("places").features()) {
            if (!f.name().isEmpty()) {
                towns.add(new Candidate(Kind.TOWN, f.name(), f.xs()[0][0], f.ys()[0][0], f.rank(), 1));
            }
        }
        for (BasemapData.Feature f : data.layer("admin1-labels").features()) {
            if (!f.name().isEmpty()) {
                regions.add(new Candidate(Kind.REGION, f.name(), f.xs()[0][0], f.ys()[0][0], f.rank(), 2));
            }
        }
        Comparator<Candidate> byRank = Comparator.comparingLong((Candidate c) -> -c.rank()).thenComparing(
                Candidate::text);
        countries.sort(byRank);
        towns.sort(byRank);
        regions.sort(byRank);
    }

    /** Labels placed at {@code zoom} (0–20). */
    public List<Placed> placed(int zoom) {
        return byZoom.computeIfAbsent(zoom, this::place);
    }

    /** Smallest population a town needs to be labelled at {@code zoom}. */
    static long minPopulation(int zoom) {
        return switch (zoom) {
            case 0, 1, 2 -> Long.MAX_VALUE;
            case 3 -> 5_000_000;
            case 4 -> 1_500_000;
            case 5 -> 400_000;
            case 6 -> 120_000;
            case 7 -> 40_000;
            case 8 -> 15_000;
            case 9 -> 5_000;
            default -> 0;
        };
    }

    /** Smallest area (km²) a country needs to be labelled at {@code zoom}. */
    static long minCountryArea(int zoom) {
        return zoom < 2 ? Long.MAX_VALUE : zoom == 2 ? 600_000 : zoom == 3 ? 150_000 : zoom == 4 ? 20_000 : 0;
    }

    /** Smallest area (km²) a first-level division needs to be labelled at {@code zoom}. */
    static long minRegionArea(int zoom) {
        return zoom < 5 ? Long.MAX_VALUE : zoom == 5 ? 25_000 : zoom == 6 ? 6_000 : 0;
    }

    private List<Placed> place(int zoom) {
        double world = 256 * Math.pow(2, zoom);
        Map<Long, List<Rectangle2D>> grid = new HashMap<>();
        List<Placed> out = new ArrayList<>();
        if (zoom <= 7) {
            for (Candidate c : countries) {
                if (c.rank() >= minCountryArea(zoom)) {
                    tryPlace(c, world, grid, out);
                }
            }
        }
        long minPop = minPopulation(zoom);
        for (Candidate c : towns) {
            if (c.rank() < minPop) {
                break; // sorted by population, descending
            }
            tryPlace(c, world, grid, out);
        }
        if (zoom >= 5 && zoom <= 10) {
            for (Candidate c : regions) {
                if (c.rank() >= minRegionArea(zoom)) {
                    tryPlace(c, world, grid, out);
                }
            }
        }
        return List.copyOf(out);
    }

    private static void tryPlace(Candidate c, double world, Map<Long, List<Rectangle2D>> grid, List<Placed> out) {
        double px = c.mx() * world;
        double py = c.my() * world;
        Kind kind = c.kind();
        Font font = fontOf(kind);
        Rectangle2D b = font.getStringBounds(c.text(), FRC);
        double w = b.getWidth();
        double h = b.getHeight();
        double ascent = -b.getY();
        if (kind == Kind.TOWN) {
            // Try right of the dot, then left, then above.
            double[][] spots = {{px + 5, py + ascent / 2 - 1}, {px - 5 - w, py + ascent / 2 - 1},
                {px - w / 2, py - 5}};
            for (double[] s : spots) {
                Rectangle2D box = new Rectangle2D.Double(Math.min(s[0], px - 3) - PAD, Math.min(s[1] - ascent, py - 3)
                        - PAD, Math.max(s[0] + w, px + 3) - Math.min(s[0], px - 3) + 2 * PAD,
                        Math.max(s[1] - ascent + h, py + 3) - Math.min(s[1] - ascent, py - 3) + 2 * PAD);
                if (free(box, grid)) {
                    reserve(box, grid);
                    out.add(new Placed(kind, c.text(), s[0], s[1], px, py, box));
                    return;
                }
            }
            return;
        }
        double x = px - w / 2;
        double y = py + ascent / 2;
        Rectangle2D box = new Rectangle2D.Double(x - PAD, y - ascent - PAD, w + 2 * PAD, h + 2 * PAD);
        if (free(box, grid)) {
            reserve(box, grid);
            out.add(new Placed(kind, c.text(), x, y, Double.NaN, Double.NaN, box));
        }
    }

    static Font fontOf(Kind kind) {
        return switch (kind) {
            case COUNTRY -> COUNTRY_FONT;
            case TOWN -> TOWN_FONT;
            case REGION -> REGION_FONT;
        };
    }

    private static boolean free(Rectangle2D box, Map<Long, List<Rectangle2D>> grid) {
        for (long gx = (long) Math.floor(box.getMinX() / CELL); gx <= (long) Math.floor(box.getMaxX() / CELL); gx++) {
            for (long gy = (long) Math.floor(box.getMinY() / CELL); gy <= (long) Math.floor(box.getMaxY() / CELL);
                 gy++) {
                List<Rectangle2D> cell = grid.get((gx << 32) ^ (gy & 0xffffffffL));
                if (cell != null) {
                    for (Rectangle2D r : cell) {
                        if (r.intersects(box)) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    private static void reserve(Rectangle2D box, Map<Long, List<Rectangle2D>> grid) {
        for (long gx = (long) Math.floor(box.getMinX() / CELL); gx <= (long) Math.floor(box.getMaxX() / CELL); gx++) {
            for (long gy = (long) Math.floor(box.getMinY() / CELL); gy <= (long) Math.floor(box.getMaxY() / CELL);
                 gy++) {
                grid.computeIfAbsent((gx << 32) ^ (gy & 0xffffffffL), k -> new ArrayList<>()).add(box);
            }
        }
    }
}
