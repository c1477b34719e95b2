package concur.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kills an example with everything it started.
 *
 * <p>Descendants alone are not enough: a grandchild whose parent has exited is re-parented to init and
 * no longer shows up as a descendant. So on Linux the example starts in a session of its own (via
 * {@code setsid}), and everything left in its process group is killed too.
 */
final class ProcessTree {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Path PROC = Path.of("/proc");

    private ProcessTree() {}

    /** The command prefix that gives the example its own process group, where the system has one. */
    static List<String> ownGroupPrefix() {
        return Files.isExecutable(SETSID) && Files.isDirectory(PROC) ? List.of(SETSID.toString()) : List.of();
    }

    /** Kills the root, its descendants and every process still in its group; waits briefly for them to go. */
    static void kill(ProcessHandle root, boolean ownGroup) {
        List<ProcessHandle> doomed = new ArrayList<>();
        root.descendants().forEach(doomed::add);
        doomed.add(root);
        if (ownGroup) {
            doomed.addAll(inGroup(root.pid()));
        }
        doomed.forEach(ProcessHandle::destroyForcibly);
        CompletableFuture<?>[] exits = doomed.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // SIGKILL was sent; a process stuck in the kernel goes when the kernel lets it
        }
    }

    /** Processes whose process group is {@code group}, read from /proc. */
    static List<ProcessHandle> inGroup(long group) {
        List<ProcessHandle> members = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                processGroup(entry).filter(g -> g == group)
                        .flatMap(g -> ProcessHandle.of(Long.parseLong(entry.getFileName().toString())))
                        .ifPresent(members::add);
            }
        } catch (IOException e) {
            // no /proc: descendants were all we could find
        }
        return members;
    }

    /** Field 5 of /proc/PID/stat; the command name before it may hold spaces and parentheses. */
    private static Optional<Long> processGroup(Path procEntry) {
        try {
            String stat = Files.readString(procEntry.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[2]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
