package concur.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps every process an example starts from outliving its step, whatever it does to get away.
 *
 * <p>The example's JVM and its descendants are not enough to follow: a process whose parent exits is
 * re-parented, and is nobody's descendant any more; one that calls {@code setsid} or uses job control
 * ({@code bash -c 'set -m; sleep 1000 &'}) leaves the process group too. Three mechanisms overlap, so
 * that each escape is caught by at least one:
 * <ol>
 *   <li><b>A token in the environment.</b> Each run puts an unguessable {@code CONCUR_RUN=<random hex>}
 *       in the environment of the example's JVM. Every process it starts inherits it, through any number
 *       of forks, {@code setsid}s and group changes, and a sweep of {@code /proc/*}{@code /environ} finds
 *       them all. Only the user's own processes can be read, which is all an example can start; entries
 *       vanish and zombies read as empty while the sweep runs, and the sweep takes that as "not found".
 *       A process escapes it only by starting a program with a cleared environment ({@code env -i}).
 *   <li><b>The process group.</b> The example's JVM starts under {@code setsid}, in a group of its own;
 *       every process still in that group is the example's, also one that emptied its environment.
 *   <li><b>A child subreaper.</b> Where the platform allows, concur's own JVM calls
 *       {@code prctl(PR_SET_CHILD_SUBREAPER, 1)}: an orphan among its descendants is then re-parented to
 *       concur instead of to init, so it stays among {@code ProcessHandle.current().descendants()} even
 *       when it cleared its environment and left the group. It needs the FFM API (JDK 22+, see {@link Libc}).
 * </ol>
 * Killing goes in rounds (a double-forking process may spawn while being killed) until a fresh sweep
 * finds nothing; what the last sweep still finds is reported, never claimed killed. PID namespaces
 * ({@code unshare}) would contain everything too, but would change the process ids learners see.
 *
 * <p>A mechanism that is unavailable is skipped, and {@link #warning()} says what may then escape.
 */
public final class Containment {
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final boolean procfs;
    private final boolean ownGroups;
    private final Optional<Libc> subreaper;
    private final Optional<String> warning;

    private Containment(boolean procfs, boolean ownGroups, Optional<Libc> subreaper, Optional<String> warning) {
        this.procfs = procfs;
        this.ownGroups = ownGroups;
        this.subreaper = subreaper;
        this.warning = warning;
    }

    /** Sets up what this platform offers; makes this JVM a child subreaper where it can. */
    public static Containment establish() {
        boolean procfs = ProcessTree.available();
        List<String> gaps = new ArrayList<>();
        if (!procfs) {
            gaps.add(
                    "this system has no /proc, so concur finds only the processes that stay the example's descendants");
        }
        Optional<Libc> subreaper = Optional.empty();
        try {
            Libc libc = Libc.load();
            if (libc.becomeChildSubreaper()) {
                subreaper = Optional.of(libc);
            } else {
                gaps.add("the system refused to make concur a child subreaper");
            }
        } catch (Libc.Unavailable e) {
            if (procfs) {
                gaps.add("a process an example starts with an emptied environment, outside its process group,"
                        + " can outlive the step: catching it needs concur to be a child subreaper, and "
                        + e.getMessage());
            }
        }
        Optional<String> warning = gaps.isEmpty()
                ? Optional.empty()
                : Optional.of("examples are not fully contained: " + String.join("; ", gaps));
        return new Containment(procfs, procfs && Files.isExecutable(SETSID), subreaper, warning);
    }

    /** What may escape here, if anything: one sentence for the learner, to show once. */
    public Optional<String> warning() {
        return warning;
    }

    /** Starts {@code command} in {@code workDir}, with {@code environment} added, as the root of a contained run. */
    public ContainedRun start(List<String> command, Path workDir, Map<String, String> environment) throws IOException {
        List<String> full = new ArrayList<>();
        if (ownGroups) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile());
        String token = newToken();
        builder.environment().putAll(environment);
        builder.environment().put(ContainedRun.VARIABLE, token);
        Process root = builder.start();
        // setsid execs the JVM in the same process, so this is the start of the whole run.
        long startTicks = procfs
                ? ProcessTree.stat(root.pid()).map(ProcessTree.Stat::startTicks).orElse(0L)
                : 0;
        return new ContainedRun(root, token, startTicks, procfs, subreaper);
    }

    /** Unguessable, so an unrelated process cannot carry it by chance, nor an example fake another run's. */
    private static String newToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
