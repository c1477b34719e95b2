package concur.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Kills an example with everything it started.
 *
 * <p>Descendants alone are not enough: a grandchild whose parent has exited is re-parented to init and
 * no longer shows up as a descendant. So on Linux the example starts in a session of its own (via
 * {@code setsid}), and everything left in its process group is killed too.
 */
public final class ProcessTree {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Path PROC = Path.of("/proc");

    private ProcessTree() {}

    /** The command prefix that gives the example its own process group, where the system has one. */
    static List<String> ownGroupPrefix() {
        return Files.isExecutable(SETSID) && Files.isDirectory(PROC) ? List.of(SETSID.toString()) : List.of();
    }

    /** Kills the root, its descendants and every process still in its group; waits up to 2 s for them to go. */
    static void kill(ProcessHandle root, boolean ownGroup) {
        List<ProcessHandle> doomed = new ArrayList<>();
        root.descendants().forEach(doomed::add);
        doomed.add(root);
        if (ownGroup) {
            doomed.addAll(inGroup(root.pid()));
        }
        doomed.forEach(ProcessHandle::destroyForcibly);
        // Wait even when this thread was interrupted (Ctrl-C): the caller relies on everything being gone.
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        try {
            while (doomed.stream().anyMatch(ProcessTree::running) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the process with this id still runs (see {@link #running(ProcessHandle)}). */
    public static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::running).orElse(false);
    }

    /**
     * Alive and not a zombie: a killed orphan stays a zombie until init reaps it, which in some
     * containers takes a second, and it can do no harm meanwhile.
     */
    public static boolean running(ProcessHandle process) {
        return process.isAlive() && !statFields(process.pid()).map(f -> f[0]).orElse("").equals("Z");
    }

    /** Processes whose process group is {@code group}, read from /proc. */
    static List<ProcessHandle> inGroup(long group) {
        List<ProcessHandle> members = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                statFields(pid).filter(f -> f[2].equals(Long.toString(group)))
                        .flatMap(f -> ProcessHandle.of(pid))
                        .ifPresent(members::add);
            }
        } catch (IOException e) {
            // no /proc: descendants were all we could find
        }
        return members;
    }

    /**
     * The fields of /proc/PID/stat after the command name (which may hold spaces and parentheses):
     * [0] is the state (R, S, D, Z, ...), [2] the process group. Empty where there is no such file.
     */
    private static Optional<String[]> statFields(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
