package org.incidentatlas.io.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatsSniffTest {
    private static Format sniff(String name, String content) {
        return Formats.sniff(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recognisesContentWhateverTheExtension() {
        assertEquals(Format.NATIVE, sniff("a.txt", "  {\"format\": \"incident-atlas/1\", \"events\": []}"));
        assertEquals(Format.GEOJSON, sniff("a.json", "{\"type\" : \"FeatureCollection\", \"features\": []}"));
        assertEquals(Format.TIMELINEJS, sniff("a.json", "{\"events\":[{\"start_date\":{\"year\":2021}}]}"));
        assertEquals(Format.KML, sniff("a.xml", "\uFEFF<?xml version=\"1.0\"?><kml/>"));
        assertEquals(Format.KMZ, Formats.sniff("a.zip", new byte[] {'P', 'K', 3, 4, 0, 0}));
        assertEquals(Format.CSV, sniff("a.txt", "event_id_cnty,event_date,event_type\n"));
        assertEquals(Format.NATIVE, sniff("a.json", "{\"events\": []}"), "the native reader explains what is missing");
        assertEquals(Format.GEOJSON, sniff("a.geojson", "{\"features\": []}"));
        assertNull(sniff("notes.md", "just some words"));
    }
}
