package org.incidentatlas.viewmodel;

/** How the time window follows the playhead. */
public enum WindowMode {
    /** The window keeps its width and slides with the playhead. */
    SLIDING,
    /** The window starts at the first incident and ends at the playhead: everything so far. */
    CUMULATIVE
}
