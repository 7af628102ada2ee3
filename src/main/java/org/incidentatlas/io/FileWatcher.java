package org.incidentatlas.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * Calls back when one file changes on disk (written, replaced, or re-created), once the writes have been quiet
 * for {@code quietMillis}, so that an editor's save in several writes gives one reload. Watches the parent
 * folder on a daemon thread; the callback runs on that thread. Never reads or writes the file itself.
 */
public final class FileWatcher implements Closeable {
    private final WatchService service;
    private final Thread thread;

    public FileWatcher(Path file, long quietMillis, Runnable onChange) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Path name = absolute.getFileName();
        service = FileSystems.getDefault().newWatchService();
        dir.register(service, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
        thread = new Thread(() -> {
            try {
                while (true) {
                    WatchKey key = service.take();
                    boolean ours = concerns(key, name);
                    key.reset();
                    if (!ours) {
                        continue;
                    }
                    // Wait until the writer is done: no further event for quietMillis.
                    WatchKey more;
                    while ((more = service.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
                        concerns(more, name);
                        more.reset();
                    }
                    onChange.run();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                // closed: stop watching
            }
        }, "file-watcher " + name);
        thread.setDaemon(true);
        thread.start();
    }

    private static boolean concerns(WatchKey key, Path name) {
        boolean ours = false;
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW || name.equals(e.context())) {
                ours = true;
            }
        }
        return ours;
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
