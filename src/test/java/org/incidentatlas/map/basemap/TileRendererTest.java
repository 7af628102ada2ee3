package org.incidentatlas.map.basemap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The offline basemap, checked by the colour of pixels at places whose geography we know. */
class TileRendererTest {
    private static TileRenderer renderer;

    @BeforeAll
    static void load() {
        renderer = new TileRenderer(BasemapData.loadBundled());
    }

    /**
     * The colour drawn most often in the 9×9 pixels around (lat, lon) at {@code zoom}: the area's colour, not that
     * of a boundary line or label that may cross the exact point.
     */
    private static Color colourAt(double lat, double lon, int zoom) {
        double world = Math.pow(2, zoom);
        double x = BasemapData.mercatorX(lon) * world;
        double y = BasemapData.mercatorY(lat) * world;
        long tx = (long) Math.floor(x);
        long ty = (long) Math.floor(y);
        int[] px = renderer.render(zoom, tx, ty, 1);
        int cx = (int) ((x - tx) * 256);
        int cy = (int) ((y - ty) * 256);
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int dy = -4; dy <= 4; dy++) {
            for (int dx = -4; dx <= 4; dx++) {
                int ix = Math.max(0, Math.min(255, cx + dx));
                int iy = Math.max(0, Math.min(255, cy + dy));
                counts.merge(px[iy * 256 + ix], 1, Integer::sum);
            }
        }
        int dominant = counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        return new Color(dominant, true);
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    @Test
    void landAtBaghdadsOutskirts() {
        // Open country west of the city (no label or river drawn there at this zoom).
        Color c = colourAt(33.05, 43.90, 7);
        assertTrue(distance(c, TileRenderer.LAND) < 12, "land colour expected, got " + c);
    }

    @Test
    void waterInThePersianGulf() {
        Color c = colourAt(27.5, 51.5, 6);
        assertTrue(distance(c, TileRenderer.SEA) < 12, "sea colour expected, got " + c);
    }

    @Test
    void waterInLakeTharthar() {
        Color c = colourAt(33.97, 43.18, 9);
        assertTrue(distance(c, TileRenderer.SEA) < 12, "lake water expected in Lake Tharthar, got " + c);
    }

    @Test
    void aBorderLineBetweenIraqAndSyria() {
        // A vertex of a country border between Al-Qa'im and the Jordan tripoint: only Iraq–Syria runs there.
        BasemapData d = renderer.data();
        double[] vertex = null;
        for (BasemapData.Feature f : d.layer("country-borders").features()) {
            for (int p = 0; p < f.xs().length && vertex == null; p++) {
                for (int i = 0; i < f.xs()[p].length; i++) {
                    double lat = BasemapData.latOf(f.ys()[p][i]);
                    double lon = BasemapData.lonOf(f.xs()[p][i]);
                    if (lat > 33.6 && lat < 34.2 && lon > 39.5 && lon < 40.8) {
                        vertex = new double[] {lat, lon};
                        break;
                    }
                }
            }
        }
        assertTrue(vertex != null, "the data has the Iraq–Syria border");
        int zoom = 8;
        double world = Math.pow(2, zoom);
        double x = BasemapData.mercatorX(vertex[1]) * world;
        double y = BasemapData.mercatorY(vertex[0]) * world;
        long tx = (long) Math.floor(x);
        long ty = (long) Math.floor(y);
        int[] px = renderer.render(zoom, tx, ty, 1);
        int cx = (int) ((x - tx) * 256);
        int cy = (int) ((y - ty) * 256);
        double best = Double.MAX_VALUE;
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                int ix = Math.max(0, Math.min(255, cx + dx));
                int iy = Math.max(0, Math.min(255, cy + dy));
                best = Math.min(best, distance(new Color(px[iy * 256 + ix], true), TileRenderer.BORDER));
            }
        }
        assertTrue(best < 60, "a border-coloured pixel within 2 px of the border vertex; closest differs by " + best);
    }

    @Test
    void hiDpiTilesAreTwiceAsLargeAndShowTheSameThing() {
        int[] one = renderer.render(6, 39, 25, 1);
        int[] two = renderer.render(6, 39, 25, 2);
        assertTrue(two.length == 4 * one.length);
    }

    @Test
    void labelsNeverOverlapAndIncludeTheTownsOfTheStory() {
        for (int zoom : new int[] {4, 6, 8, 10}) {
            // Sweep over boxes sorted by left edge: only boxes that overlap in x need a full test.
            var placed = new java.util.ArrayList<>(renderer.labels().placed(zoom));
            placed.sort(java.util.Comparator.comparingDouble(p -> p.box().getMinX()));
            for (int i = 0; i < placed.size(); i++) {
                var a = placed.get(i);
                for (int j = i + 1; j < placed.size() && placed.get(j).box().getMinX() < a.box().getMaxX(); j++) {
                    assertTrue(!a.box().intersects(placed.get(j).box()),
                            "labels overlap at zoom " + zoom + ": " + a.text() + " / " + placed.get(j).text());
                }
            }
        }
        var z9 = renderer.labels().placed(9).stream().map(LabelPlacer.Placed::text).toList();
        for (String town : new String[] {"Baghdad", "Ramadi", "Fallujah", "Hit", "Haditha"}) {
            assertTrue(z9.stream().anyMatch(t -> t.contains(town)), town + " labelled at zoom 9: " + z9.size());
        }
        var z10 = renderer.labels().placed(10).stream().map(LabelPlacer.Placed::text).toList();
        assertTrue(z10.stream().anyMatch(t -> t.toLowerCase().contains("baghdadi")), "al-Baghdadi at zoom 10");
    }
}
