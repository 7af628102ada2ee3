package org.incidentatlas.app;

import java.util.ArrayList;
import java.util.List;

/**
 * Wall-clock marks of the way to the first frame, for the benchmark's {@code first_frame_ms}: printed with
 * {@code -Datlas.reportFirstFrame=true} so that performance notes can say where the time goes.
 */
final class StartupTrace {
    private static final List<String> NAMES = new ArrayList<>();
    private static final List<Long> TIMES = new ArrayList<>();

    private StartupTrace() {
    }

    static synchronized void mark(String name) {
        NAMES.add(name);
        TIMES.add(System.currentTimeMillis());
    }

    /** "name=ms-since-start ..." for every mark, in order. */
    static synchronized String report(long processStartMillis) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < NAMES.size(); i++) {
            b.append(i == 0 ? "" : " ").append(NAMES.get(i).replace(' ', '-')).append('=')
                    .append(TIMES.get(i) - processStartMillis);
        }
        return b.toString();
    }
}
