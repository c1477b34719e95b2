package concur.explore;

import concur.explore.child.Report;
import concur.run.Containment;
import concur.run.Printable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Looks for an interleaving that makes a learner's program fail, with Fray in a child JVM, or, where
 * Fray cannot run, by running the program many times (stress).
 *
 * <p>Fray explores schedules on an instrumented JDK 25 that {@link FrayJdk} links into the cache once.
 * The child ({@code concur.explore.child.FrayMain}) uses concur's own agent, memory-operation
 * interleaving, a seeded scheduler (the same seed gives the same schedules and trace), and replays a
 * failing schedule once to record its steps. See {@code FrayJdk} and the child's classes for why.
 */
public final class Explorer {
    /** How often stress runs {@code main} when exploring falls back to it. */
    public static final int STRESS_RUNS = 500;

    private static final String VIRTUAL =
            "it uses virtual threads, which Fray cannot schedule yet" + " (every schedule hangs: cmu-pasta/fray#166)";

    private final Path fray;
    private final Path cache;
    private final Optional<Path> jdk25;
    private final Consumer<String> progress;
    private final Containment containment = Containment.establish();

    /**
     * @param fray     the folder of Fray's jars (target/fray/lib in a build)
     * @param cache    concur's cache: the linked JDK goes under {@code fray-jdk-<fray>-<jdk>}, runs under
     *                 {@code explore}
     * @param jdk25    a JDK 25's home, if one is known
     * @param progress receives one-line messages about slow steps
     */
    public Explorer(Path fray, Path cache, Optional<Path> jdk25, Consumer<String> progress) {
        // Absolute: the child JVMs run in folders of their own.
        this.fray = fray.toAbsolutePath();
        this.cache = cache.toAbsolutePath();
        this.jdk25 = jdk25.map(Path::toAbsolutePath);
        this.progress = progress;
    }

    /** The first of {@code candidates} (JDK homes) whose {@code release} file says it is a JDK 25. */
    public static Optional<Path> findJdk25(List<Path> candidates) {
        return candidates.stream()
                .filter(home -> JdkRelease.of(home).filter(JdkRelease::is25).isPresent())
                .findFirst();
    }

    /** The folders in {@code parent} (such as /usr/lib/jvm), sorted, for {@link #findJdk25}. */
    public static List<Path> jdkFolders(Path parent) {
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Explores up to {@code schedules} schedules of the program, in the order {@code seed} gives.
     * Falls back to {@link #stress} when Fray cannot run, saying why; answers {@code Unavailable} when
     * the JDK given as a JDK 25 is not one.
     */
    public Exploration explore(Target target, int schedules, long seed, Duration timeout) {
        if (VirtualThreads.used(target)) {
            return stress(target, STRESS_RUNS, timeout, VIRTUAL);
        }
        return switch (setUp()) {
            case Setup.Refused refused -> new Exploration.Unavailable(refused.reason());
            case Setup.Fallback fallback -> stress(target, STRESS_RUNS, timeout, fallback.why());
            case Setup.Ready ready -> {
                int frayLimit = (int) Math.max(1, timeout.toSeconds() * 6 / 10); // room left for the replay
                yield fray(
                        ready.linked(),
                        target,
                        timeout,
                        "explore",
                        List.of(Integer.toString(schedules), Long.toString(seed), Integer.toString(frayLimit)));
            }
        };
    }

    /** Plays the schedule recorded in {@code recording} (from a {@link Exploration.Failure}) once more. */
    public Exploration replay(Target target, Path recording, Duration timeout) {
        return switch (setUp()) {
            case Setup.Refused refused -> new Exploration.Unavailable(refused.reason());
            case Setup.Fallback fallback -> new Exploration.Unavailable("cannot replay: " + fallback.why());
            case Setup.Ready ready ->
                fray(
                        ready.linked(),
                        target,
                        timeout,
                        "replay",
                        List.of(recording.toAbsolutePath().toString()));
        };
    }

    /**
     * Runs {@code main} up to {@code runs} times in one child JVM, stopping at the first that throws; on
     * the JDK 25 if one was given, else on the JDK concur runs on.
     */
    public Exploration stress(Target target, int runs, Duration timeout) {
        return stress(target, runs, timeout, "stress was asked for");
    }

    private Exploration stress(Target target, int runs, Duration timeout, String why) {
        Optional<Path> java = jdk25.filter(
                        home -> JdkRelease.of(home).filter(JdkRelease::is25).isPresent())
                .map(home -> home.resolve("bin/java"))
                .or(() -> ProcessHandle.current().info().command().map(Path::of));
        if (java.isEmpty()) {
            return new Exploration.Unavailable("cannot tell which java runs concur, to run the program on");
        }
        Path folder;
        try {
            folder = newRunFolder();
        } catch (IOException e) {
            return new Exploration.Unavailable("cannot make a folder in " + cache + ": " + e.getMessage());
        }
        try {
            List<String> command = new ArrayList<>(List.of(
                    java.get().toString(),
                    "-ea",
                    "-cp",
                    concurCode().toString(),
                    "concur.explore.child.StressMain",
                    folder.resolve("result").toString(),
                    target.classes().toAbsolutePath().toString(),
                    target.mainClass(),
                    Integer.toString(runs)));
            command.addAll(target.args());
            long start = System.nanoTime();
            ChildProcess.Ended ended = run(command, folder.resolve("work"), timeout);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (ended.timedOut()) {
                return new Exploration.TimedOut(timeout, "running main up to " + runs + " times");
            }
            List<List<String>> records = records(folder.resolve("result"));
            for (List<String> record : records) {
                switch (record.getFirst()) {
                    case Report.STRESSED -> {
                        return new Exploration.Stressed(Integer.parseInt(record.get(1)), took, why);
                    }
                    case Report.STRESS_FAILURE -> {
                        return new Exploration.StressFailure(
                                Integer.parseInt(record.get(1)), Printable.text(record.get(2)), why);
                    }
                    case Report.ERROR -> {
                        return new Exploration.Crashed(Printable.text(record.get(1)));
                    }
                    default -> {}
                }
            }
            return crashed(ended);
        } catch (IOException e) {
            return new Exploration.Unavailable("cannot start java for the stress runs: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exploration.Unavailable("interrupted");
        } finally {
            deleteTree(folder);
        }
    }

    /** Whether Fray can run here, and if so on what. */
    private sealed interface Setup {
        record Ready(FrayJdk.Linked linked) implements Setup {}

        /** Fray cannot run, but stress can stand in: {@code why} tells the learner. */
        record Fallback(String why) implements Setup {}

        /** The JDK given as a JDK 25 is not one: a setting to fix, not to paper over with stress. */
        record Refused(String reason) implements Setup {}
    }

    private Setup setUp() {
        if (jdk25.isEmpty()) {
            return new Setup.Fallback("no JDK 25 was found, and Fray needs one");
        }
        Path home = jdk25.get();
        Optional<JdkRelease> release = JdkRelease.of(home);
        if (release.isEmpty()) {
            return new Setup.Refused(home + " is not a JDK: it has no release file saying which Java it is");
        }
        if (!release.get().is25()) {
            return new Setup.Refused(
                    home + " is Java " + release.get().version() + ", but exploring schedules needs a JDK 25");
        }
        if (!release.get().linuxX64()) {
            return new Setup.Fallback("Fray runs on Linux x86-64 only, and this JDK is for "
                    + release.get().os() + " " + release.get().arch());
        }
        try {
            return new Setup.Ready(FrayJdk.ensure(fray, cache, release.get(), progress));
        } catch (FrayJdk.SetupException e) {
            return new Setup.Fallback(e.getMessage());
        }
    }

    private Exploration fray(FrayJdk.Linked linked, Target target, Duration timeout, String mode, List<String> more) {
        Path folder;
        try {
            folder = newRunFolder();
        } catch (IOException e) {
            return new Exploration.Unavailable("cannot make a folder in " + cache + ": " + e.getMessage());
        }
        boolean keep = false;
        try {
            List<String> classPath = new ArrayList<>();
            classPath.add(concurCode().toString());
            linked.classPath().forEach(jar -> classPath.add(jar.toString()));
            List<String> command = new ArrayList<>(List.of(
                    linked.java().toString(),
                    "-ea",
                    "--enable-native-access=ALL-UNNAMED",
                    "-agentpath:" + linked.jvmti(),
                    "-javaagent:" + linked.agent(),
                    "-cp",
                    String.join(java.io.File.pathSeparator, classPath),
                    "concur.explore.child.FrayMain",
                    mode,
                    folder.resolve("result").toString(),
                    folder.resolve("report").toString(),
                    target.classes().toAbsolutePath().toString(),
                    target.mainClass()));
            command.addAll(more);
            command.addAll(target.args());
            long start = System.nanoTime();
            ChildProcess.Ended ended = run(command, folder.resolve("work"), timeout);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (ended.timedOut()) {
                return new Exploration.TimedOut(timeout, "exploring schedules");
            }
            Exploration found =
                    parse(records(folder.resolve("result")), target, took).orElseGet(() -> crashed(ended));
            keep = found instanceof Exploration.Failure failure
                    && failure.recording().startsWith(folder);
            return found;
        } catch (IOException e) {
            return new Exploration.Unavailable("cannot start Fray's JDK: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exploration.Unavailable("interrupted");
        } finally {
            if (keep) {
                // Only the recording is worth keeping, for replay.
                deleteTree(folder.resolve("work"));
                deleteTree(folder.resolve("replay"));
            } else {
                deleteTree(folder);
            }
        }
    }

    private Optional<Exploration> parse(List<List<String>> records, Target target, Duration took) {
        List<String> source = sourceLines(target.sourceFile());
        String sourceName = target.sourceFile().getFileName().toString();
        Exploration.Failure failure = null;
        List<TraceStep> trace = new ArrayList<>();
        for (List<String> record : records) {
            switch (record.getFirst()) {
                case Report.EXPLORED -> {
                    return Optional.of(new Exploration.NoFailure(Integer.parseInt(record.get(1)), took));
                }
                case Report.ERROR -> {
                    return Optional.of(new Exploration.Crashed("Fray failed: " + Printable.text(record.get(1))));
                }
                case Report.FAILURE ->
                    failure = new Exploration.Failure(
                            Integer.parseInt(record.get(1)),
                            Printable.text(record.get(2)),
                            List.of(),
                            Path.of(record.get(3)));
                case Report.NOT_REPRODUCED -> {
                    if (failure == null) {
                        return Optional.of(new Exploration.NoFailure(1, took)); // replayed and passed
                    }
                    progress.accept(
                            "replaying the failing schedule did not fail the same way: " + Printable.of(record.get(1)));
                }
                case Report.STEP -> {
                    int line = Integer.parseInt(record.get(4));
                    String text = record.get(3).equals(sourceName) && line > 0 && line <= source.size()
                            ? source.get(line - 1).strip()
                            : "";
                    trace.add(new TraceStep(
                            record.get(1),
                            record.get(2),
                            line,
                            text,
                            record.get(5).equals("1"),
                            record.get(6)));
                }
                default -> {}
            }
        }
        return failure == null
                ? Optional.empty()
                : Optional.of(new Exploration.Failure(failure.schedule(), failure.error(), trace, failure.recording()));
    }

    private ChildProcess.Ended run(List<String> command, Path workDir, Duration timeout)
            throws IOException, InterruptedException {
        ChildProcess.Ended ended = ChildProcess.run(containment, command, workDir, timeout);
        if (!ended.survivors().isEmpty()) {
            progress.accept("could not kill every process the check started; still running: " + ended.survivors());
        }
        return ended;
    }

    private static Exploration crashed(ChildProcess.Ended ended) {
        String output = ended.output().isEmpty() ? "no output" : Printable.text(ended.output());
        return new Exploration.Crashed(
                "the checking JVM ended (exit " + ended.status() + ") without an answer: " + output);
    }

    private static List<List<String>> records(Path result) throws IOException {
        return Files.exists(result) ? Report.read(result) : List.of();
    }

    private static List<String> sourceLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private Path newRunFolder() throws IOException {
        Path runs = Files.createDirectories(cache.resolve("explore"));
        Path folder = Files.createTempDirectory(runs, "run-");
        Files.createDirectories(folder.resolve("work"));
        return folder;
    }

    /** Where concur's classes are, for the child's class path: target/classes, or concur's jar. */
    private static Path concurCode() {
        try {
            return Path.of(Explorer.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a folder and everything in it, as far as it can: leftovers in a cache do no harm. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // left behind
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // left behind
        }
    }
}
