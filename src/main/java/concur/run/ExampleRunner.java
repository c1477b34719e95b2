package concur.run;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a compiled example in a child JVM of the same JDK, under the {@link Harness}, with a time limit,
 * in a scratch working folder of its own. Whatever happens (exit, crash, time-out, Ctrl-C), every
 * process of the example is killed before the call returns (see {@link Containment}), and the result
 * names any that could not be.
 */
public final class ExampleRunner {
    /** Lines kept for matching; beyond this they are only counted, so memory stays bounded. */
    public static final int DEFAULT_LINE_LIMIT = 10_000;

    private static final Duration GRACE = Duration.ofSeconds(2);
    /** Options that make a short-lived child JVM start faster and change nothing an example can observe. */
    private static final List<String> CHILD_JVM_OPTIONS =
            List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto");

    private final Path java;
    private final String harnessClasspath;
    private final int lineLimit;
    private final Containment containment = Containment.establish();

    public ExampleRunner() {
        this(DEFAULT_LINE_LIMIT);
    }

    public ExampleRunner(int lineLimit) {
        this.java = Path.of(System.getProperty("java.home"), "bin", "java");
        this.harnessClasspath = harnessLocation();
        this.lineLimit = lineLimit;
    }

    private static String harnessLocation() {
        try {
            return HarnessCopy.of(Path.of(Harness.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI()))
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate concur's own classes", e);
        }
    }

    /**
     * What an example's processes may escape on this system, if anything: one sentence to show the
     * learner once. Empty where every containment mechanism works.
     */
    public Optional<String> containmentWarning() {
        return containment.warning();
    }

    /** Runs the example; {@code live} sees each kept line as it arrives (from reader threads). */
    public RunResult run(CompiledExample example, RunSpec spec, Consumer<OutputLine> live) throws IOException {
        try (ScratchDir workDir = ScratchDir.create();
                ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                RecordRing ring = RecordRing.create()) {
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(CHILD_JVM_OPTIONS);
            command.addAll(spec.javaOptions());
            // Absolute: the example's JVM runs in the scratch folder, not where concur was started.
            command.addAll(List.of(
                    "-cp",
                    harnessClasspath + File.pathSeparator + example.classes().toAbsolutePath(),
                    Harness.class.getName(),
                    Integer.toString(server.getLocalPort()),
                    example.mainClass()));
            command.addAll(spec.args());

            String token = Wire.newToken();
            ContainedRun contained = containment.start(
                    command,
                    workDir.path(),
                    Map.of(
                            Wire.TOKEN_VARIABLE,
                            token,
                            Wire.RING_VARIABLE,
                            ring.path().toString()));
            Process process = contained.root();
            process.getOutputStream().close(); // an example that reads stdin sees its end, not a hang
            RunClock clock = new RunClock(System.nanoTime());
            OutputCollector output = new OutputCollector(lineLimit, live, clock);
            RawStream rawOut = new RawStream(process.getInputStream(), output, clock);
            RawStream rawErr = new RawStream(process.getErrorStream(), output, clock);
            TagReader tags = new TagReader(server, token, ring, process, output, clock, List.of(rawOut, rawErr));
            List<Thread> readers = List.of(
                    Thread.ofVirtual().name("concur-tags").start(tags::run),
                    Thread.ofVirtual().name("concur-raw-out").start(() -> rawOut.pump(process)),
                    Thread.ofVirtual().name("concur-raw-err").start(() -> rawErr.pump(process)));
            Thread reaper = Thread.ofVirtual().name("concur-reaper").start(() -> reapWhileRunning(contained, process));
            // Ctrl-C in `concur run` must not leave the example behind; the JVM halts before this method's own cleanup.
            Thread cleanup = new Thread(
                    () -> {
                        contained.killAll();
                        workDir.close();
                    },
                    "concur-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            List<Long> survivors = null;
            try {
                Outcome outcome = await(process, spec.timeout(), tags);
                reaper.interrupt();
                survivors = contained.killAll(); // also the orphans of an example that exited
                joinAll(readers); // the pipes end once every process holding them is gone
                Duration total = tags.end().orElseGet(clock::now);
                return new RunResult(
                        output.kept(),
                        output.total(),
                        output.last(),
                        total,
                        outcome,
                        tags.started(),
                        survivors,
                        output.notShown());
            } finally {
                reaper.interrupt();
                if (survivors == null) {
                    contained.killAll();
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to: it does the same cleanup
                }
            }
        }
    }

    /** Waits for the example to end, or its time limit; asks for a thread dump before it is killed. */
    private static Outcome await(Process process, Duration timeout, TagReader tags) {
        try {
            if (process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return new Outcome.Exited(process.exitValue());
            }
            return new Outcome.TimedOut(timeout, tags.requestDump(GRACE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Interrupted();
        }
    }

    private static void joinAll(List<Thread> readers) {
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (Thread reader : readers) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    reader.join(Duration.ofNanos(left));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Every 50 ms while the example runs: its dead orphans are reaped, as init would reap them. */
    private static void reapWhileRunning(ContainedRun contained, Process process) {
        try {
            while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
                contained.reapOrphans();
            }
        } catch (InterruptedException e) {
            // the run is over: killAll reaps what is left
        }
    }
}
