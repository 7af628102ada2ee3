/**
 * Other file formats: importers for GeoJSON, KML/KMZ, CSV (ACLED and mapped tables) and TimelineJS, writers
 * for the native events file, GeoJSON, KML and CSV, and {@link org.incidentatlas.io.formats.Formats}, the one
 * entry point that recognises a file by its content. Part of the io room: uses {@code model} and {@code io},
 * never the view model or JavaFX. Field mappings and losses are in {@code docs/formats.md}.
 */
package org.incidentatlas.io.formats;
