package org.incidentatlas.app;

import java.util.ArrayList;
import java.util.List;

/**
 * Wall-clock marks of the way to the first frame, for the benchmark's {@code first_frame_ms}: printed with
 * {@code -Datlas.reportFirstFrame=true} so that performance notes can say where the time goes.
 */
final class StartupTrace {
    private record Mark(String name, long at) {
    }

    private static final List<Mark> MARKS = new ArrayList<>();

    private StartupTrace() {
    }

    static synchronized void mark(String name) {
        MARKS.add(new Mark(name, System.currentTimeMillis()));
    }

    /** "name=ms-since-start ..." for every mark, in order. */
    static synchronized String report(long processStartMillis) {
        StringBuilder b = new StringBuilder();
        for (Mark m : MARKS) {
            b.append(b.length() == 0 ? "" : " ").append(m.name().replace(' ', '-')).append('=')
                    .append(m.at() - processStartMillis);
        }
        return b.toString();
    }
}
