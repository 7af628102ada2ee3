package org.incidentatlas.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.incidentatlas.io.EventFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a file goes through the format dispatcher: other formats open like events files. */
class ExplorerStateFormatsTest {
    @Test
    void opensAcledCsvAndGeoJsonByContent(@TempDir Path dir) throws Exception {
        ExplorerState state = new ExplorerState(new EventFileReader(), Runnable::run, Runnable::run);
        Path csv = dir.resolve("export.txt"); // the extension says nothing; the header does
        Files.writeString(csv, "event_id_cnty,event_date,time_precision,event_type,sub_event_type,admin1,location,"
                + "latitude,longitude,geo_precision,source,notes,fatalities\r\n"
                + "IRQ1,2021-06-06,1,Battles,Armed clash,Al Anbar,Ramadi,33.42,43.30,1,Src,\"a, b\",0\r\n");
        state.open(csv);
        assertEquals(1, state.getCatalog().size(), state.statusProperty().get());
        assertEquals("IRQ1", state.getCatalog().get(0).id());
        assertEquals(csv, state.fileProperty().get());

        Path geo = dir.resolve("points.json");
        Files.writeString(geo, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"p\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[44.36,33.31]},\"properties\":{\"time\":1622997900000}}]}");
        state.open(geo);
        assertEquals("p", state.getCatalog().get(0).id());
        assertTrue(state.problemsProperty().get().isEmpty());
    }
}
