package org.incidentatlas.ui;

/**
 * The incident table and the undated tray draw rows of one fixed height ({@code -fx-fixed-cell-size: 2em} in
 * app.css, 24 px in the app's 12 px font): the virtual flows then lay out their cells without asking each for
 * its size, and the first frame came ~0.12 s sooner (launcher alternated 9 + 9 times: 2,028 → 1,914 and
 * 1,877 → 1,731 ms medians). What such a row shows must therefore be one line.
 */
public final class ListRows {
    private ListRows() {
    }

    /** {@code text} on one line: each run of line and paragraph breaks becomes one space; {@code null} stays. */
    public static String oneLine(String text) {
        if (text == null || text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\u2028') < 0
                && text.indexOf('\u2029') < 0) {
            return text;
        }
        return text.replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
    }
}
