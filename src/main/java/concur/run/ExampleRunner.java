package concur.run;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs a compiled example in a child JVM of the same JDK, under the {@link Harness}, with a time limit.
 * Whatever happens (exit, crash, time-out, Ctrl-C), no process of the example outlives the call.
 */
public final class ExampleRunner {
    /** Lines kept for matching; beyond this they are only counted, so memory stays bounded. */
    public static final int DEFAULT_LINE_LIMIT = 10_000;
    private static final Duration GRACE = Duration.ofSeconds(2);
    /** Options that make a short-lived child JVM start faster and change nothing an example can observe. */
    private static final List<String> CHILD_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto");

    private final Path java;
    private final String harnessClasspath;
    private final int lineLimit;

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
            return Path.of(Harness.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate concur's own classes", e);
        }
    }

    /** Runs the example; {@code live} sees each kept line as it arrives (from reader threads). */
    public RunResult run(CompiledExample example, RunSpec spec, Consumer<OutputLine> live) throws IOException {
        List<String> prefix = ProcessTree.ownGroupPrefix();
        boolean ownGroup = !prefix.isEmpty();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); RecordRing ring = RecordRing.create()) {
            List<String> command = new ArrayList<>(prefix);
            command.add(java.toString());
            command.addAll(CHILD_JVM_OPTIONS);
            command.addAll(spec.javaOptions());
            command.addAll(List.of("-cp", harnessClasspath + File.pathSeparator + example.classes(),
                    Harness.class.getName(), Integer.toString(server.getLocalPort()), example.mainClass()));
            command.addAll(spec.args());

            ProcessBuilder builder = new ProcessBuilder(command);
            String token = Wire.newToken();
            builder.environment().put(Wire.TOKEN_VARIABLE, token);
            builder.environment().put(Wire.RING_VARIABLE, ring.path().toString());
            Process process = builder.start();
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
            Thread cleanup = new Thread(() -> ProcessTree.kill(process.toHandle(), ownGroup), "concur-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup); // Ctrl-C in `concur run` must not leave the example behind
            try {
                Outcome outcome = await(process, spec.timeout(), tags, ownGroup);
                joinAll(readers);
                Duration total = tags.end().orElseGet(clock::now);
                return new RunResult(output.kept(), output.total(), output.last(), total, outcome, output.notShown());
            } finally {
                ProcessTree.kill(process.toHandle(), ownGroup);
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to: it does the same cleanup
                }
            }
        }
    }

    private static Outcome await(Process process, Duration timeout, TagReader tags, boolean ownGroup) {
        try {
            if (process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                int code = process.exitValue();
                ProcessTree.kill(process.toHandle(), ownGroup); // orphans it left behind
                return new Outcome.Exited(code);
            }
            String dump = tags.requestDump(GRACE);
            ProcessTree.kill(process.toHandle(), ownGroup);
            return new Outcome.TimedOut(timeout, dump);
        } catch (InterruptedException e) {
            ProcessTree.kill(process.toHandle(), ownGroup);
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
}
