package org.incidentatlas.io.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void readsQuotesEmbeddedLineBreaksAndCrlf() throws IOException {
        Csv csv = new Csv(new StringReader("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n,,\r\nlast,row,\n"),
                ',');
        Csv.Row header = csv.next();
        assertEquals(List.of("a", "b", "c"), header.fields());
        assertEquals(1, header.line());
        Csv.Row r = csv.next();
        assertEquals(List.of("x, y", "say \"hi\"", "two\nlines"), r.fields());
        assertEquals(2, r.line());
        Csv.Row empty = csv.next();
        assertEquals(4, empty.line());
        assertEquals(List.of("", "", ""), empty.fields());
        Csv.Row last = csv.next();
        assertEquals(List.of("last", "row", ""), last.fields());
        assertEquals(5, last.line());
        assertNull(csv.next());
    }

    @Test
    void readsLoneCrLineEndsAndSemicolons() throws IOException {
        Csv csv = new Csv(new StringReader("a;b\rc;\"d;e\""), ';');
        assertEquals(List.of("a", "b"), csv.next().fields());
        Csv.Row r = csv.next();
        assertEquals(List.of("c", "d;e"), r.fields());
        assertEquals(2, r.line());
        assertNull(csv.next());
    }

    @Test
    void anUnclosedQuoteIsAnErrorOnItsLine() throws IOException {
        Csv csv = new Csv(new StringReader("a,b\n1,2\n3,\"never closed\n4,5\n"), ',');
        csv.next();
        csv.next();
        Csv.CsvException e = assertThrows(Csv.CsvException.class, csv::next);
        assertEquals(3, e.line);
    }

    @Test
    void quotesFieldsThatNeedIt() {
        assertEquals("plain", Csv.field("plain", ','));
        assertEquals("\"a,b\"", Csv.field("a,b", ','));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\"", ','));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines", ','));
        assertEquals("", Csv.field(null, ','));
        assertEquals(';', Csv.guessDelimiter("a;b;\"c,d\""));
        assertEquals('\t', Csv.guessDelimiter("a\tb\tc"));
        assertEquals(',', Csv.guessDelimiter("a,b,c"));
    }
}
