package concur.workspace;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32C;

/**
 * Tells when the learner has saved one file, so concur can verify it again.
 *
 * <p>The caller asks, rather than being called from another thread: {@link #awaitChange} blocks until
 * the next save or a timeout. A CLI loop that also reads keys alternates the two with short timeouts,
 * and a verify can never run twice at once, as there is only the caller's thread. Saves made while a
 * verify runs are not lost: the next call compares the file with what was last reported and returns
 * at once, once for all of them.
 *
 * <p>A change is what the file's fingerprint says: its identity (inode), time, size and a checksum of
 * its content, so a save that writes the same bytes still counts (the learner pressed save to try
 * again), and so does an edit of the same size within the coarse mtime of some file systems. The
 * fingerprint is taken every 500 ms; a {@link WatchService} on the file's folder, where there is one,
 * wakes the watcher at once on an event for the file. The folder is watched, not the file, since
 * editors save by writing a new file and renaming it over the old one; when the folder itself is
 * deleted or replaced, it is watched again by its path. Polling alone also covers file systems whose
 * events are missed (network mounts, some containers).
 *
 * <p>A burst of writes (an editor's truncate then write, or a temporary file then a rename) is one
 * change: it is reported once the file has been quiet for the debounce, or after 2 s of constant
 * change, so a file that never settles is still verified.
 *
 * <p>Not for more than one thread; to stop a thread waiting in it, interrupt that thread.
 */
public final class Watcher implements AutoCloseable {
    private static final long POLL = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long MAX_SETTLE = TimeUnit.SECONDS.toNanos(2);

    private final Path file;
    private final Path folder;
    private final long debounce;
    private final WatchService events; // null: polling only
    private WatchKey key; // null: the folder is not watched at the moment
    private Object watchedFolder; // the identity of the folder the key watches
    private Fingerprint reported;

    private Watcher(Path file, Duration debounce, WatchService events) {
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("debounce " + debounce + " is negative");
        }
        this.file = file.toAbsolutePath().normalize();
        this.folder = this.file.getParent();
        this.debounce = debounce.toNanos();
        this.events = events;
        watchFolder();
        this.reported = Fingerprint.of(this.file);
    }

    /**
     * Watches {@code file} (existing or not) from now on: with events where the file system has
     * them, else by polling.
     */
    public static Watcher open(Path file, Duration debounce) {
        WatchService events;
        try {
            events = file.toAbsolutePath().getFileSystem().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            events = null; // e.g. out of inotify instances: polling still works
        }
        return new Watcher(file, debounce, events);
    }

    /** Watches {@code file} by polling only, as on a file system whose events are missed. */
    public static Watcher polling(Path file, Duration debounce) {
        return new Watcher(file, debounce, null);
    }

    /** Whether events wake this watcher, or it only polls. */
    public boolean hasEvents() {
        return events != null;
    }

    /**
     * Waits until the file has been saved since the last change this returned (or since it was
     * opened), and has then been quiet for the debounce.
     *
     * @param timeout how long to wait for a change to begin; once one has, it is waited out
     * @return whether the file changed; false after the timeout
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public boolean awaitChange(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Fingerprint now = Fingerprint.of(file);
            if (isNew(now)) {
                now = settle(now);
                // A save by delete and re-create may still be missing the file: that is no change yet.
                if (isNew(now)) {
                    reported = now;
                    return true;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            awaitEvent(Math.min(left, POLL));
        }
    }

    /**
     * Calls {@code onChange} after each save until {@code keepGoing} says to stop, which it asks at
     * least every 100 ms. A save during {@code onChange} makes one more call after it.
     */
    public void run(Runnable onChange, BooleanSupplier keepGoing) throws InterruptedException {
        while (keepGoing.getAsBoolean()) {
            if (awaitChange(Duration.ofMillis(100))) {
                onChange.run();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (events != null) {
            events.close();
        }
    }

    private boolean isNew(Fingerprint now) {
        return now.exists() && !now.equals(reported);
    }

    /** The file's fingerprint once it has been quiet for the debounce: no event and no change. */
    private Fingerprint settle(Fingerprint seen) throws InterruptedException {
        long giveUp = System.nanoTime() + MAX_SETTLE;
        while (System.nanoTime() < giveUp) {
            boolean quiet = !awaitEvent(debounce);
            Fingerprint again = Fingerprint.of(file);
            if (quiet && again.equals(seen)) {
                return seen;
            }
            seen = again;
        }
        return seen;
    }

    /** Waits up to {@code nanos} for an event about the file; polling, just waits. */
    private boolean awaitEvent(long nanos) throws InterruptedException {
        watchFolder();
        long until = System.nanoTime() + nanos;
        while (true) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (events == null) {
                TimeUnit.NANOSECONDS.sleep(left);
                return false;
            }
            WatchKey signalled = events.poll(left, TimeUnit.NANOSECONDS);
            if (signalled != null && aboutTheFile(signalled)) {
                return true;
            }
        }
    }

    /** Takes the key's events; true if one may be about the file (events for other files are noise). */
    private boolean aboutTheFile(WatchKey signalled) {
        boolean about = false;
        for (WatchEvent<?> event : signalled.pollEvents()) {
            about |= event.kind() == OVERFLOW || file.getFileName().equals(event.context());
        }
        if (!signalled.reset() && signalled == key) {
            key = null; // the folder is gone: watched again once it is back
            about = true;
        }
        return about;
    }

    /**
     * Keeps the folder at the file's path watched: registers it when it appears, and again when it
     * was replaced by another (a rename keeps the old folder's key valid, watching the wrong folder).
     */
    private void watchFolder() {
        if (events == null) {
            return;
        }
        Object identity;
        try {
            identity = Files.readAttributes(folder, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            stopWatching();
            return; // not there (yet): polling sees the file when it comes
        }
        if (key != null && key.isValid() && Objects.equals(identity, watchedFolder)) {
            return;
        }
        stopWatching();
        try {
            key = folder.register(events, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            watchedFolder = identity;
        } catch (IOException e) {
            // polling covers it
        }
    }

    private void stopWatching() {
        if (key != null) {
            key.cancel();
            key = null;
        }
    }

    /** What says the file changed; a missing or unreadable file is {@link #ABSENT}. */
    private record Fingerprint(boolean exists, Object identity, FileTime modified, long size, long checksum) {
        static final Fingerprint ABSENT = new Fingerprint(false, null, null, -1, 0);

        static Fingerprint of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    return ABSENT;
                }
                CRC32C checksum = new CRC32C();
                checksum.update(Files.readAllBytes(file)); // an exercise is a few KB
                return new Fingerprint(
                        true,
                        attributes.fileKey(),
                        attributes.lastModifiedTime(),
                        attributes.size(),
                        checksum.getValue());
            } catch (IOException e) {
                return ABSENT;
            }
        }
    }
}
