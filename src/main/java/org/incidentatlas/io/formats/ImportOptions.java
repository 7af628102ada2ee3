package org.incidentatlas.io.formats;

/**
 * Choices an importer would otherwise make by itself. {@link #DEFAULTS} lets every importer guess; when it
 * guessed among several candidates it says which it used in a warning, and these options choose another.
 * Immutable.
 *
 * @param csvMapping            columns of a generic CSV file, or {@code null} to guess from the header
 * @param timeProperty          GeoJSON property holding the time (or start), or {@code null} to guess
 * @param endProperty           GeoJSON property holding the end of a span, or {@code null} to guess
 * @param titleProperty         GeoJSON property holding the title, or {@code null} to guess
 * @param categoryProperty      GeoJSON property holding the category, or {@code null} to guess
 * @param acledSubEventCategory ACLED: use {@code sub_event_type} as the category (and {@code event_type} as a
 *                              tag) instead of the other way round
 * @param format                read as this format, or {@code null} to recognise it by content
 */
public record ImportOptions(CsvMapping csvMapping, String timeProperty, String endProperty, String titleProperty,
                            String categoryProperty, boolean acledSubEventCategory, Format format) {
    /** Guess everything. */
    public static final ImportOptions DEFAULTS = new ImportOptions(null, null, null, null, null, false, null);

    /** Reads as {@code f} whatever the content looks like ({@code null}: recognise it). */
    public ImportOptions withFormat(Format f) {
        return new ImportOptions(csvMapping, timeProperty, endProperty, titleProperty, categoryProperty,
                acledSubEventCategory, f);
    }

    public ImportOptions withCsvMapping(CsvMapping m) {
        return new ImportOptions(m, timeProperty, endProperty, titleProperty, categoryProperty, acledSubEventCategory, format);
    }

    public ImportOptions withTimeProperty(String start, String end) {
        return new ImportOptions(csvMapping, start, end, titleProperty, categoryProperty, acledSubEventCategory, format);
    }

    public ImportOptions withTitleProperty(String p) {
        return new ImportOptions(csvMapping, timeProperty, endProperty, p, categoryProperty, acledSubEventCategory, format);
    }

    public ImportOptions withCategoryProperty(String p) {
        return new ImportOptions(csvMapping, timeProperty, endProperty, titleProperty, p, acledSubEventCategory, format);
    }

    public ImportOptions withAcledSubEventCategory(boolean b) {
        return new ImportOptions(csvMapping, timeProperty, endProperty, titleProperty, categoryProperty, b, format);
    }
}
