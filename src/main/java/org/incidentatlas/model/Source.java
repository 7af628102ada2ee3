package org.incidentatlas.model;

/**
 * Who says so: one attribution of an incident. Every field may be {@code null}.
 *
 * @param outlet    publication that carried the claim, e.g. "CNN"
 * @param speaker   person or body quoted, e.g. "Col. Wayne Marotto, coalition spokesman"
 * @param quote     the words quoted
 * @param published when the outlet published it (EDTF text as written)
 * @param url       link to the publication (http or https), or {@code null}
 * @param note      how it reached us, e.g. "as cited in the seed article"
 */
public record Source(String outlet, String speaker, String quote, String published, String url, String note) {
}
