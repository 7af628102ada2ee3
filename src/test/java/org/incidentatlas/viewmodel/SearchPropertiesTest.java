package org.incidentatlas.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.Edtf;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.Outcome;
import org.incidentatlas.model.PlacePrecision;
import org.incidentatlas.model.Source;

/**
 * The search reads an incident's packed texts in place ({@link Incident#mentionsAll}); it must say exactly what
 * lower-casing all its searchable texts and looking for each word says ({@link #searchText}).
 */
class SearchPropertiesTest {
    @Property(tries = 400)
    void searchingInPlaceAgreesWithSearchingTheLowerCasedTexts(@ForAll("incidents") Incident inc,
                                                               @ForAll("words") List<String> typed) {
        String haystack = searchText(inc);
        String[] words = String.join(" ", typed).toLowerCase(Locale.ROOT).strip().split("\\s+");
        boolean expected = String.join("", typed).isBlank() || Arrays.stream(words).allMatch(haystack::contains);
        String query = String.join(" ", typed);
        assertEquals(expected, Filters.NONE.withText(query).test(inc), () -> "query " + query + " in " + haystack);
    }

    @Property(tries = 400)
    void wordsTakenFromTheTextsInAnyCaseAreFound(@ForAll("incidents") Incident inc, @ForAll long seed) {
        String[] fields = searchText(inc).split("\n", -1);
        java.util.Random r = new java.util.Random(seed);
        StringBuilder query = new StringBuilder();
        for (int k = 0; k < 2; k++) {
            String f = fields[r.nextInt(fields.length)];
            if (f.isBlank()) {
                continue;
            }
            int a = r.nextInt(f.length());
            int b = Math.min(f.length(), a + 1 + r.nextInt(5));
            String piece = f.substring(a, b).strip();
            if (piece.isEmpty() || piece.chars().anyMatch(Character::isWhitespace)) {
                continue;
            }
            query.append(r.nextBoolean() ? piece.toUpperCase(Locale.ROOT) : piece).append(' ');
        }
        String q = query.toString();
        String haystack = searchText(inc);
        boolean expected = q.isBlank() || Arrays.stream(q.toLowerCase(Locale.ROOT).strip().split("\\s+"))
                .allMatch(haystack::contains);
        assertEquals(expected, Filters.NONE.withText(q).test(inc), () -> "query " + q + " in " + haystack);
    }

    /** Everything a search looks at, lower-cased: the plain statement of what {@link Incident#mentionsAll} does. */
    static String searchText(Incident inc) {
        StringBuilder sb = new StringBuilder(inc.title()).append('\n');
        append(sb, inc.summary());
        GeoLocation where = inc.where();
        if (where != null) {
            append(sb, where.name());
            append(sb, where.admin1());
        }
        inc.tags().forEach(t -> append(sb, t));
        append(sb, inc.category().label());
        for (Source s : inc.sources()) {
            append(sb, s.outlet());
            append(sb, s.speaker());
            append(sb, s.quote());
            append(sb, s.note());
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static void append(StringBuilder sb, String s) {
        if (s != null) {
            sb.append(s).append('\n');
        }
    }

    /** Texts mixing plain ASCII, Latin-1 capitals, and wide chars whose lower case is special (İ, Σ, ẞ). */
    private static Arbitrary<String> texts() {
        return Arbitraries.oneOf( // Latin-1 only (compared byte by byte), and mixed (decoded)
                Arbitraries.strings().withChars("aAbBzZ éÉßÿ×÷ÀÞþàµ?-").ofMaxLength(30),
                Arbitraries.strings().withChars("aAbBzZ éÉßÿ×÷ÀÞµİıΣσςẞЖжالعربية?-").ofMaxLength(30));
    }

    @Provide
    Arbitrary<Incident> incidents() {
        Arbitrary<String> t = texts();
        Arbitrary<String> opt = Arbitraries.oneOf(t, Arbitraries.just(null));
        Arbitrary<Source> source = Combinators.combine(opt, opt, opt, opt, opt, opt).as(Source::new);
        Arbitrary<GeoLocation> place = Combinators.combine(t, opt, opt).as((name, area, id) ->
                new GeoLocation(id, name, 33.3, 44.4, area, "IQ", PlacePrecision.values()[0], null));
        return Combinators.combine(t, opt, Arbitraries.oneOf(place, Arbitraries.just(null)),
                source.list().ofMaxSize(3), t.list().ofMaxSize(3), t, Arbitraries.of(true, false))
                .as((title, summary, where, sources, tags, label, dated) -> new Incident("id", title,
                        dated ? Edtf.parse("2021-06-07") : null, where, new Category("c", label, null), summary,
                        dated ? new Outcome(1, null, "DAMAGE Σ") : null, sources, tags, List.of("r")));
    }

    @Provide
    Arbitrary<List<String>> words() {
        return Arbitraries.strings().withChars("aAbBzZéÉßÿ×ÀÞµİıΣσςẞЖжالعربية?-").ofMinLength(0).ofMaxLength(4)
                .list().ofMinSize(1).ofMaxSize(3).map(ArrayList::new);
    }
}
