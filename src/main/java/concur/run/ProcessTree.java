package concur.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What /proc tells about processes: the one place that reads it. Every read may race with the process
 * exiting, so each answers "nothing" rather than failing when the entry is gone or unreadable.
 */
public final class ProcessTree {
    static final Path PROC = Path.of("/proc");
    private static final byte[] RUN_VARIABLE = (ContainedRun.VARIABLE + "=").getBytes(StandardCharsets.US_ASCII);

    private ProcessTree() {}

    /**
     * One process as /proc/PID/stat shows it.
     *
     * @param pid        its process id
     * @param state      R, S, D, Z (zombie), T, ...
     * @param parent     its parent's process id
     * @param group      its process group
     * @param startTicks when it started, in clock ticks since boot: with {@code pid}, it names one process for good
     */
    record Stat(long pid, char state, long parent, long group, long startTicks) {
        boolean zombie() {
            return state == 'Z';
        }
    }

    /** Whether the process with this id still runs (see {@link #running(ProcessHandle)}). */
    public static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::running).orElse(false);
    }

    /**
     * Alive and not a zombie: a killed orphan stays a zombie until its new parent reaps it, which in
     * some containers takes a second, and it can do no harm meanwhile.
     */
    public static boolean running(ProcessHandle process) {
        return process.isAlive() && !stat(process.pid()).map(Stat::zombie).orElse(false);
    }

    /** Whether this system has a /proc to read. */
    static boolean available() {
        return Files.isReadable(PROC.resolve("self").resolve("stat"));
    }

    /** The ids of all processes, as listed at this moment; empty where there is no /proc. */
    static List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                pids.add(Long.parseLong(entry.getFileName().toString()));
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: there is nothing to list
        }
        return pids;
    }

    /** The process's /proc/PID/stat, or empty where it is gone (or there is no /proc). */
    static Optional<Stat> stat(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // The command name, in parentheses, may hold spaces and parentheses itself: fields start after the last
            // ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(
                    new Stat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[19])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The value of {@link ContainedRun#VARIABLE} in the environment the process started with, or empty
     * where it has none, or its environment cannot be read: another user's process, or one that has
     * exited (a zombie's environment reads as empty).
     */
    static Optional<String> runToken(long pid) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        // Entries are NUL-terminated NAME=value pairs.
        for (int start = 0; start < environ.length; ) {
            int end = start;
            while (end < environ.length && environ[end] != 0) {
                end++;
            }
            if (startsWith(environ, start, end, RUN_VARIABLE)) {
                return Optional.of(new String(
                        environ,
                        start + RUN_VARIABLE.length,
                        end - start - RUN_VARIABLE.length,
                        StandardCharsets.US_ASCII));
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
