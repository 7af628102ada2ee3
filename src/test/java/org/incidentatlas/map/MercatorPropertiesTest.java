package org.incidentatlas.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.incidentatlas.map.basemap.BasemapData;

/**
 * Laws of the Web Mercator projection, in both places it is written: the basemap's (tiles, regions) and the
 * map's (markers, view). Both are static and need no stage.
 */
class MercatorPropertiesTest {
    static final double MAX = 85.05112878; // BasemapData.MAX_LATITUDE (an annotation needs a constant expression)

    @org.junit.jupiter.api.Test
    void theBoundIsTheBasemaps() {
        assertEquals(BasemapData.MAX_LATITUDE, MAX);
    }

    @Property
    void latitudeToMercatorAndBackIsTheSameLatitude(@ForAll @DoubleRange(min = -MAX, max = MAX) @net.jqwik.api.constraints.Scale(8) double lat) {
        assertEquals(lat, BasemapData.latOf(BasemapData.mercatorY(lat)), 1e-9);
        assertEquals(lat, AtlasMap.lat(AtlasMap.mercY(lat)), 1e-9);
    }

    @Property
    void longitudeToMercatorAndBackIsTheSameLongitude(@ForAll @DoubleRange(min = -180, max = 180) double lon) {
        assertEquals(lon, BasemapData.lonOf(BasemapData.mercatorX(lon)), 1e-9);
        assertEquals(lon, AtlasMap.lon(AtlasMap.mercX(lon)), 1e-9);
    }

    @Property
    void theWorldMapsIntoTheUnitSquareNorthUp(@ForAll @DoubleRange(min = -90, max = 90) double lat,
                                              @ForAll @DoubleRange(min = -180, max = 180) double lon) {
        double x = BasemapData.mercatorX(lon);
        double y = BasemapData.mercatorY(lat);
        assertTrue(x >= 0 && x <= 1 && y >= -1e-9 && y <= 1 + 1e-9, x + "," + y);
        assertTrue(BasemapData.mercatorY(Math.min(MAX, lat + 1)) <= y, "north is up");
    }

    /** Markers (AtlasMap) and the basemap (BasemapData) must put a place on the same pixel, even at zoom 18. */
    @Property
    void markersAndBasemapAgreeToAFractionOfAPixelAtTheClosestZoom(
            @ForAll @DoubleRange(min = -90, max = 90) double lat, @ForAll @DoubleRange(min = -180, max = 180) double lon) {
        double worldPixels = 256 * Math.pow(2, 18);
        assertEquals(BasemapData.mercatorX(lon) * worldPixels, AtlasMap.mercX(lon) * worldPixels, 0.01);
        assertEquals(BasemapData.mercatorY(lat) * worldPixels, AtlasMap.mercY(lat) * worldPixels, 0.5);
    }
}
