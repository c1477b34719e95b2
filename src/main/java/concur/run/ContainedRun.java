package concur.run;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One run's processes: the example's JVM (the root) and everything it started, found however it tried
 * to leave, and killed until a fresh look finds none of them. See {@link Containment} for the design.
 *
 * <p>A sweep finds, among all processes (one pass over /proc):
 * <ul>
 *   <li>the root, and every process in its process group (the root is started by {@code setsid});
 *   <li>every process whose environment holds this run's token, which it inherited however many
 *       times it forked, whatever session or group it moved to;
 *   <li>where concur is a child subreaper: every child of concur's JVM that started after the root and
 *       carries no other run's token. Such a child is an orphan of the example, re-parented to concur:
 *       concur starts no other processes;
 *   <li>and every descendant of those.
 * </ul>
 * A process is only ever named by its id together with its start time, so an id the system reused for
 * another process meanwhile is never killed.
 */
public final class ContainedRun {
    /** The environment variable that carries the run's token to every process the example starts. */
    static final String VARIABLE = "CONCUR_RUN";
    /** Killing goes on in rounds for at most this long: a double-forking process may spawn while being killed. */
    private static final Duration KILLING = Duration.ofSeconds(3);

    private final Process root;
    private final String token;
    private final long rootStartTicks;
    private final boolean procfs;
    private final Optional<Libc> subreaper;
    /** Whether children of concur are taken for the example's orphans: only as a subreaper, and knowing the root's start. */
    private final boolean adopting;

    private final long self = ProcessHandle.current().pid();
    /** Every process a sweep found: killAll may run in the shutdown hook and the runner's thread at once. */
    private final Set<Seen> seen = ConcurrentHashMap.newKeySet();

    /** One process for good: its id, and its start, which tells it from a later process with the same id. */
    private record Seen(long pid, long startTicks) {}

    /**
     * How long a zombie child of concur must stay unreaped before concur takes it for an adopted orphan it
     * never saw running (one that lived less than a look): the JDK reaps the processes it started within
     * moments of their death, as a thread of its own waits on each, so one it leaves for a second is not its.
     */
    static final Duration UNCLAIMED = Duration.ofSeconds(1);

    /** When each zombie child of concur was first seen, for {@link #UNCLAIMED}. */
    private final Map<Seen, Long> zombieSince = new HashMap<>();

    /**
     * @param rootStartTicks the root's start time from /proc, or 0 when unknown (the root was gone at
     *                       once): then no child of concur is taken for the example's
     * @param procfs         whether /proc can be read: without it, only the root's descendants are found
     * @param subreaper      present when concur's JVM is a child subreaper; it reaps the orphans it adopts
     */
    ContainedRun(Process root, String token, long rootStartTicks, boolean procfs, Optional<Libc> subreaper) {
        this.root = root;
        this.token = token;
        this.rootStartTicks = rootStartTicks;
        this.procfs = procfs;
        this.subreaper = subreaper;
        this.adopting = subreaper.isPresent() && rootStartTicks > 0;
    }

    public Process root() {
        return root;
    }

    /**
     * What one look found: the example's processes that still run, and those of its zombies that are
     * concur's to reap: orphans concur adopted as a subreaper (the JDK reaps only the processes it
     * started), and only those an earlier look saw running as the example's. A zombie's environment
     * cannot be read, and reaping a zombie the JDK waits for, the root of another run in this JVM,
     * would take its exit status from it.
     */
    record Sweep(List<ProcessHandle> running, List<Long> adoptedZombies) {}

    /**
     * Kills every process of the run, in rounds, until a sweep finds none or {@link #KILLING} has passed.
     * Waits even when this thread is interrupted (Ctrl-C): the caller relies on the answer.
     *
     * @return the ids of the processes a last, fresh sweep still found running (empty: all verified gone)
     */
    public List<Long> killAll() {
        boolean interrupted = Thread.interrupted();
        try {
            long deadline = System.nanoTime() + KILLING.toNanos();
            while (true) {
                Sweep sweep = sweepAndReap();
                if (sweep.running().isEmpty() || System.nanoTime() - deadline > 0) {
                    reapLeftovers();
                    return sweep.running().stream()
                            .map(ProcessHandle::pid)
                            .sorted()
                            .toList();
                }
                sweep.running().forEach(ProcessHandle::destroyForcibly);
                interrupted |= awaitDeath(sweep.running(), deadline);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A process killed while its parent, the example's JVM, still lived becomes a zombie of that parent,
     * and only once the parent is gone a zombie of concur: so wait for the root to be gone, then reap what
     * it left. Without this a grandchild killed in the last round stays a zombie of concur for good.
     */
    private void reapLeftovers() {
        if (!adopting) {
            return;
        }
        try {
            root.onExit().get(KILLING.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return; // a root that will not go: its zombies stay with it
        }
        sweepAndReap();
    }

    /** Waits until none of {@code doomed} runs, or the deadline; answers whether an interrupt arrived meanwhile. */
    private static boolean awaitDeath(List<ProcessHandle> doomed, long deadline) {
        boolean interrupted = false;
        while (doomed.stream().anyMatch(ProcessTree::running) && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    /**
     * Reaps the run's orphans that died while it runs. concur adopted them as a subreaper, and a zombie
     * nobody reaps looks alive to everyone: {@code ProcessHandle.isAlive()} stays true and {@code onExit()}
     * never completes, so an example waiting for its grandchild to end would wait for ever, where under a
     * shell init would have reaped it at once. Each look also notes the processes running now, so their
     * zombies are known to be the run's.
     */
    public void reapOrphans() {
        if (adopting) {
            sweepAndReap();
        }
    }

    /** One look, and the adopted zombies it found reaped. */
    private Sweep sweepAndReap() {
        Sweep sweep = sweep();
        subreaper.ifPresent(libc -> sweep.adoptedZombies().forEach(libc::reap));
        return sweep;
    }

    /** The run's processes as they are now; one look at a time, as the reaper and the killer share what was seen. */
    synchronized Sweep sweep() {
        if (!procfs) {
            List<ProcessHandle> tree = Stream.concat(Stream.of(root.toHandle()), root.descendants())
                    .filter(ProcessTree::running)
                    .toList();
            return new Sweep(tree, List.of());
        }
        Map<Long, ProcessTree.Stat> all = new HashMap<>();
        for (long pid : ProcessTree.pids()) {
            ProcessTree.stat(pid).ifPresent(stat -> all.put(pid, stat));
        }
        // Once the root is reaped its id may be reused; its group's id is held only while the group has members.
        ProcessTree.Stat atRootPid = all.get(root.pid());
        boolean rootIdIsOurs = atRootPid == null || atRootPid.startTicks() == rootStartTicks;

        Set<Long> found = new HashSet<>();
        List<Long> adoptedZombies = new ArrayList<>();
        Map<Long, List<Long>> children = new HashMap<>();
        for (ProcessTree.Stat stat : all.values()) {
            if (stat.startTicks() < rootStartTicks || stat.pid() == self) {
                continue; // every process of the run started after its root: this keeps the sweep cheap
            }
            boolean adopted = adopting && stat.parent() == self && stat.pid() != root.pid();
            if (stat.zombie()) {
                Seen zombie = new Seen(stat.pid(), stat.startTicks());
                long since = zombieSince.computeIfAbsent(zombie, z -> System.nanoTime());
                if (adopted && (seen.contains(zombie) || System.nanoTime() - since >= UNCLAIMED.toNanos())) {
                    adoptedZombies.add(stat.pid());
                }
                continue;
            }
            children.computeIfAbsent(stat.parent(), parent -> new ArrayList<>()).add(stat.pid());
            boolean ours = rootIdIsOurs && (stat.pid() == root.pid() || stat.group() == root.pid());
            Optional<String> carried = ours ? Optional.empty() : ProcessTree.runToken(stat.pid());
            if (ours || carried.filter(token::equals).isPresent() || (adopted && carried.isEmpty())) {
                found.add(stat.pid());
            }
        }
        addDescendants(found, children);
        found.forEach(pid -> seen.add(new Seen(pid, all.get(pid).startTicks())));
        List<ProcessHandle> running = found.stream()
                .map(pid -> handle(all.get(pid)))
                .flatMap(Optional::stream)
                .toList();
        return new Sweep(running, adoptedZombies);
    }

    private static void addDescendants(Set<Long> found, Map<Long, List<Long>> children) {
        Deque<Long> todo = new ArrayDeque<>(found);
        while (!todo.isEmpty()) {
            for (long child : children.getOrDefault(todo.pop(), List.of())) {
                if (found.add(child)) {
                    todo.push(child);
                }
            }
        }
    }

    /**
     * A handle on the process {@code stat} describes, if it is still that process. The handle keeps the
     * start time it saw, and the JDK will not signal a later process with the same id; checking the start
     * time again after taking the handle proves the handle saw the process the sweep saw.
     */
    private static Optional<ProcessHandle> handle(ProcessTree.Stat stat) {
        return ProcessHandle.of(stat.pid())
                .filter(handle -> ProcessTree.stat(stat.pid())
                        .filter(now -> now.startTicks() == stat.startTicks() && !now.zombie())
                        .isPresent());
    }
}
