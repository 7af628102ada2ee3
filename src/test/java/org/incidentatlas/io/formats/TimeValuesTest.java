package org.incidentatlas.io.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.incidentatlas.model.Edtf;
import org.incidentatlas.model.TimePrecision;
import org.junit.jupiter.api.Test;

class TimeValuesTest {
    @Test
    void keepsEdtfAsWritten() {
        assertEquals("2021-06", TimeValues.parse("2021-06").literal());
        assertEquals(TimePrecision.MONTH, TimeValues.parse(" 2021-06 ").precision());
        assertEquals("2014/2017", TimeValues.parse("2014/2017").literal());
        assertTrue(TimeValues.parse("2021-06-06~").approximate());
        assertNull(TimeValues.parse("  "));
    }

    @Test
    void readsIsoForms() {
        assertEquals("2021-06-06T22:00:05Z", TimeValues.parse("2021-06-06T22:00:05.123Z").literal());
        assertEquals("2021-06-06T22:15Z", TimeValues.parse("2021-06-06 22:15").literal());
        assertEquals(TimePrecision.MINUTE, TimeValues.parse("2021-06-06 22:15").precision());
        assertEquals("2021-06-06T22:00:05+03:00", TimeValues.parse("2021-06-06T22:00:05.9+0300").literal());
    }

    @Test
    void readsDaysInWordsAndEpochs() {
        assertEquals("2021-06-06", TimeValues.parse("06 June 2021").literal());
        assertEquals("2021-06-06", TimeValues.parse("06-June-2021").literal());
        assertEquals("2021-06-06", TimeValues.parse("6 Jun 2021").literal());
        assertEquals("2021-06-06", TimeValues.parse("June 6, 2021").literal());
        assertEquals("2021-06-06T16:45:00Z", TimeValues.epoch(1622997900000.0).literal());
        assertEquals("2021-06-06T16:45:00Z", TimeValues.epoch(1622997900.0).literal());
        assertEquals("2021-06-06T16:45:00Z", TimeValues.parse("1622997900000").literal());
        assertThrows(IllegalArgumentException.class, () -> TimeValues.parse("31 June 2021"));
        assertThrows(IllegalArgumentException.class, () -> TimeValues.parse("last Tuesday"));
    }

    @Test
    void spansKeepPrecisionOrWidenDateTimesToDays() {
        TimeValues.Span months = TimeValues.span(Edtf.parse("2004-04"), Edtf.parse("2004-05"));
        assertEquals("2004-04/2004-05", months.extent().literal());
        assertEquals(false, months.widened());
        assertEquals("2014/..", TimeValues.span(Edtf.parse("2014"), null).extent().literal());
        TimeValues.Span times = TimeValues.span(Edtf.parse("2021-06-06T22:00Z"), Edtf.parse("2021-06-07T01:00Z"));
        assertEquals("2021-06-06/2021-06-07", times.extent().literal());
        assertTrue(times.widened());
        assertEquals("2021-06-06", TimeValues.span(Edtf.parse("2021-06-06T10:00Z"), Edtf.parse("2021-06-06T12:00Z"))
                .extent().literal());
        assertThrows(IllegalArgumentException.class, () -> TimeValues.span(Edtf.parse("2021"), Edtf.parse("2020")));
    }
}
