package org.incidentatlas.model;

/**
 * Thrown by {@link Edtf#parse(String)} when text is not an accepted EDTF value. The message quotes the
 * input, says what was expected, and names the position, e.g.
 * {@code "2021-13": month must be 01–12 at position 5}.
 */
public final class EdtfException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int position;

    /**
     * @param input    the text that was being parsed ({@code null} is kept as the empty string)
     * @param position 0-based index in {@code input} where the problem was found (best effort)
     * @param problem  what is wrong or what was expected, without the input or the position
     */
    public EdtfException(String input, int position, String problem) {
        super("\"" + abbreviate(input == null ? "" : input) + "\": " + problem + " at position " + position);
        this.input = input == null ? "" : input;
        this.position = position;
    }

    /** At most 60 characters of {@code s} for the message: a hostile value may be a megabyte long. */
    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "… (" + s.length() + " characters)";
    }

    /** The text that was being parsed, as given (never {@code null}). */
    public String input() {
        return input;
    }

    /** 0-based index in {@link #input()} where the problem was found; best effort. */
    public int position() {
        return position;
    }
}
