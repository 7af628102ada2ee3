package org.incidentatlas.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkerClustersTest {
    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    @Test
    void nearbyMarkersFormOneClusterWithTheRightCount() {
        double[] xs = {100, 110, 104, 400, Double.NaN};
        double[] ys = {100, 105, 95, 400, 0};
        List<MarkerClusters.Group> g = MarkerClusters.group(xs, ys, all(5), 26);
        assertEquals(2, g.size());
        assertArrayEquals(new int[] {0, 1, 2}, g.get(0).members());
        assertTrue(g.get(0).isCluster());
        assertEquals((100 + 110 + 104) / 3.0, g.get(0).x(), 1e-9);
        assertTrue(g.get(1).isSingle());
        assertEquals(3, g.get(1).members()[0]);
    }

    @Test
    void overlappingCellDiscsJoinTheBiggestAndNoDrawnDiscsOverlap() {
        // two cells whose discs touch: the smaller joins the bigger; a far one stays
        int[] owner = MarkerClusters.absorbOverlapping(new double[] {100, 120, 400}, new double[] {100, 104, 100},
                new int[] {5, 900, 7}, 3, IncidentLayer::clusterRadius);
        assertArrayEquals(new int[] {1, 1, 2}, owner);

        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int round = 0; round < 50; round++) {
            int n = 1 + r.nextInt(400);
            double[] x = new double[n];
            double[] y = new double[n];
            int[] count = new int[n];
            for (int i = 0; i < n; i++) { // cell centroids on a 45 px grid, anywhere inside their cell
                x[i] = 45 * r.nextInt(30) + r.nextDouble() * 45;
                y[i] = 45 * r.nextInt(20) + r.nextDouble() * 45;
                count[i] = 2 + r.nextInt(r.nextBoolean() ? 50 : 200_000);
            }
            owner = MarkerClusters.absorbOverlapping(x, y, count, n, IncidentLayer::clusterRadius);
            long before = 0;
            long[] drawn = new long[n];
            for (int i = 0; i < n; i++) {
                assertEquals(owner[i], owner[owner[i]], "joins a disc that is drawn");
                before += count[i];
                drawn[owner[i]] += count[i];
                if (owner[i] != i) {
                    assertTrue(count[owner[i]] >= count[i], "joins a bigger or equal disc");
                }
            }
            assertEquals(before, java.util.Arrays.stream(drawn).sum(), "no incident lost or counted twice");
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    if (owner[a] == a && owner[b] == b) {
                        double reach = IncidentLayer.clusterRadius(count[a]) + IncidentLayer.clusterRadius(count[b]);
                        assertTrue(Math.hypot(x[a] - x[b], y[a] - y[b]) >= reach, "drawn discs overlap");
                    }
                }
            }
        }
    }

    @Test
    void markersOnTheSameSpotAreAStackNotACluster() {
        double[] xs = {50, 50.5, 51, 300};
        double[] ys = {50, 50, 49.5, 300};
        List<MarkerClusters.Group> g = MarkerClusters.group(xs, ys, all(4), 26);
        assertTrue(g.get(0).stack());
        assertFalse(g.get(0).isCluster());
        assertEquals(3, g.get(0).members().length);
    }

    @Test
    void excludedMarkersTakeNoPartAndFarOnesStayApart() {
        double[] xs = {0, 10, 30, 60};
        double[] ys = {0, 0, 0, 0};
        boolean[] include = {true, false, true, true};
        List<MarkerClusters.Group> g = MarkerClusters.group(xs, ys, include, 26);
        assertEquals(3, g.size(), "0 and 30 are 30 px apart: no merge; 1 is excluded");
        for (MarkerClusters.Group grp : g) {
            assertTrue(grp.isSingle());
        }
    }

    @Test
    void scaleBarPicksRoundLengths() {
        double[] a = ScaleBar.niceLength(1000, 110); // 110 km fits: 100 km
        assertEquals(100_000, a[0]);
        assertEquals(100, a[1], 1e-9);
        double[] b = ScaleBar.niceLength(30, 110); // 3.3 km: 2 km
        assertEquals(2_000, b[0]);
        assertEquals("2 km", ScaleBar.label(b[0]));
        assertEquals("500 m", ScaleBar.label(ScaleBar.niceLength(5, 110)[0]));
    }

    @Test
    void mercatorRoundTrips() {
        for (double lat : new double[] {-80, -33.3, 0, 33.2625, 60}) {
            assertEquals(lat, AtlasMap.lat(AtlasMap.mercY(lat)), 1e-9);
        }
        for (double lon : new double[] {-180, -44.1, 0, 44.2346, 179.9}) {
            assertEquals(lon, AtlasMap.lon(AtlasMap.mercX(lon)), 1e-9);
        }
        assertEquals(0.5, AtlasMap.mercY(0), 1e-12);
        assertTrue(AtlasMap.mercY(33) < 0.5, "north is up: y grows southwards");
    }

    @Test
    void clusterCountsAreShortenedToFitTheirDisc() {
        assertEquals("9999", IncidentLayer.shortCount(9999));
        assertEquals("12k", IncidentLayer.shortCount(12_402));
        assertEquals("302k", IncidentLayer.shortCount(301_907));
        assertEquals("1.2M", IncidentLayer.shortCount(1_234_567));
    }
}
