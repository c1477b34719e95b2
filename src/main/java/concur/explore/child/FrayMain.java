package concur.explore.child;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kotlinx.serialization.json.Json;
import org.pastalab.fray.core.TestRunner;
import org.pastalab.fray.core.command.Configuration;
import org.pastalab.fray.core.command.ExecutionInfo;
import org.pastalab.fray.core.command.MethodExecutor;
import org.pastalab.fray.core.command.NetworkDelegateType;
import org.pastalab.fray.core.command.SystemTimeDelegateType;
import org.pastalab.fray.core.observers.TimelineCoverageType;
import org.pastalab.fray.core.randomness.Randomness;
import org.pastalab.fray.core.randomness.RandomnessProvider;
import org.pastalab.fray.core.scheduler.POSScheduler;
import org.pastalab.fray.core.scheduler.Scheduler;

/**
 * The child JVM that explores schedules with Fray, on a Fray-instrumented JDK 25 with {@link FrayAgent}.
 *
 * <pre>
 * FrayMain explore RESULT REPORT CLASSES MAIN-CLASS SCHEDULES SEED TIMEOUT-SECONDS [ARGS...]
 * FrayMain replay  RESULT REPORT CLASSES MAIN-CLASS RECORDING [ARGS...]
 * </pre>
 *
 * Answers in the RESULT file (see {@link Report}). Ends with {@code Runtime.halt}: Fray instruments
 * {@code System.exit} (an exit status of 1 came back as 0), and the learner's threads may still run.
 */
public final class FrayMain {
    private FrayMain() {}

    public static void main(String[] argv) {
        Path result = Path.of(argv[1]);
        Report report = new Report();
        int status = 0;
        try {
            switch (argv[0]) {
                case "explore" -> explore(argv, report);
                case "replay" -> replay(argv, report);
                default -> throw new IllegalArgumentException("unknown mode " + argv[0]);
            }
        } catch (Throwable e) {
            report.add(Report.ERROR, e.toString());
            status = 1;
        }
        try {
            report.writeTo(result);
        } catch (IOException e) {
            e.printStackTrace();
            status = 2;
        }
        Runtime.getRuntime().halt(status);
    }

    private static void explore(String[] argv, Report report) throws IOException {
        Path reportDir = Path.of(argv[2]);
        Path classes = Path.of(argv[3]);
        String mainClass = argv[4];
        int schedules = Integer.parseInt(argv[5]);
        long seed = Long.parseLong(argv[6]);
        int timeoutSeconds = Integer.parseInt(argv[7]);
        List<String> args = Arrays.asList(argv).subList(8, argv.length);
        FieldNames fields = new FieldNames(classes);

        RandomnessProvider randomness = new SeededRandomness(seed);
        Configuration config = configuration(
                classes,
                mainClass,
                args,
                reportDir,
                schedules,
                timeoutSeconds,
                new POSScheduler(randomness.getRandomness()),
                randomness,
                false);
        long start = System.nanoTime();
        Throwable bug = new TestRunner(config).run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (bug == null) {
            report.add(Report.EXPLORED, config.getCurrentIteration(), millis);
            return;
        }
        // Fray stops in the schedule that failed, before counting it.
        Path recording = reportDir.resolve("recording");
        report.add(Report.FAILURE, config.getCurrentIteration() + 1, describe(bug), recording);
        replayInto(report, classes, mainClass, args, recording, reportDir.resolveSibling("replay"), fields, bug);
    }

    private static void replay(String[] argv, Report report) throws IOException {
        Path reportDir = Path.of(argv[2]);
        Path classes = Path.of(argv[3]);
        String mainClass = argv[4];
        Path recording = Path.of(argv[5]);
        List<String> args = Arrays.asList(argv).subList(6, argv.length);
        replayInto(report, classes, mainClass, args, recording, reportDir, new FieldNames(classes), null);
    }

    /**
     * Plays the recorded schedule once more, recording its steps, and adds them to the report; adds a
     * failure first when there is no earlier one ({@code expected} is null: a replay asked for).
     */
    private static void replayInto(
            Report report,
            Path classes,
            String mainClass,
            List<String> args,
            Path recording,
            Path reportDir,
            FieldNames fields,
            Throwable expected)
            throws IOException {
        // The schedule is the scheduler's class, always POS here, fed the randomness it drew.
        Randomness drawn = Json.Default.decodeFromString(
                Randomness.Companion.serializer(), Files.readString(recording.resolve("random.json")));
        RandomnessProvider unused = new SeededRandomness(0);
        Configuration config =
                configuration(classes, mainClass, args, reportDir, 1, 600, new POSScheduler(drawn), unused, true);
        StepRecorder recorder = new StepRecorder(fields);
        config.getScheduleObservers().add(recorder);
        config.getTestStatusObservers().add(recorder);
        Throwable bug = new TestRunner(config).run();
        Throwable seen = recorder.error() != null ? recorder.error() : bug;
        if (expected == null) {
            if (seen == null) {
                report.add(Report.NOT_REPRODUCED, "the recorded schedule ran without failing");
                return;
            }
            report.add(Report.FAILURE, 1, describe(seen), recording);
        } else if (seen == null || !describe(seen).equals(describe(expected))) {
            report.add(Report.NOT_REPRODUCED, seen == null ? "no failure" : describe(seen));
        }
        boolean deadlock = seen != null && seen.getClass().getSimpleName().equals("DeadlockException");
        for (StepRecorder.Step step : recorder.steps(deadlock)) {
            report.add(
                    Report.STEP,
                    step.thread(),
                    step.action(),
                    step.file(),
                    step.line(),
                    step.conflict() ? 1 : 0,
                    step.detail());
        }
    }

    private static Configuration configuration(
            Path classes,
            String mainClass,
            List<String> args,
            Path reportDir,
            int schedules,
            int timeoutSeconds,
            Scheduler scheduler,
            RandomnessProvider randomness,
            boolean replay) {
        ExecutionInfo execution = new ExecutionInfo(
                new MethodExecutor(mainClass, "main", args, List.of(classes.toString()), Map.of()),
                false, // an exception in any thread is a failure
                true, // interleave memory operations: without it plain-field races pass every schedule
                -1);
        return new Configuration(
                execution,
                reportDir,
                schedules,
                timeoutSeconds,
                scheduler,
                randomness,
                false,
                false,
                true, // no exit when a bug is found: concur wants the answer, not a dead JVM
                replay,
                false,
                false,
                NetworkDelegateType.NONE,
                SystemTimeDelegateType.NONE,
                100_000L,
                true,
                false,
                true, // a fresh class loader per schedule: static state does not leak between schedules
                false,
                false,
                false,
                TimelineCoverageType.NONE);
    }

    /** The exception's class and message, the way the learner's own stack trace would start. */
    static String describe(Throwable bug) {
        Throwable cause = bug;
        while (cause instanceof InvocationTargetException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
