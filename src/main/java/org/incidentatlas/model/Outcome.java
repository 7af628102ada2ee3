package org.incidentatlas.model;

/**
 * What an incident did, as reported. {@code null} means "not reported", not zero.
 *
 * @param killed  people killed, or {@code null}
 * @param injured people injured, or {@code null}
 * @param damage  damage as reported, or {@code null}
 */
public record Outcome(Integer killed, Integer injured, String damage) {
    public Outcome {
        if (killed != null && killed < 0) {
            throw new IllegalArgumentException("killed must be >= 0");
        }
        if (injured != null && injured < 0) {
            throw new IllegalArgumentException("injured must be >= 0");
        }
    }

    /** True when nothing at all is reported. */
    public boolean isEmpty() {
        return killed == null && injured == null && (damage == null || damage.isBlank());
    }
}
