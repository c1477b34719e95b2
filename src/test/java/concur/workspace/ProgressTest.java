package concur.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import concur.workspace.Progress.State;
import concur.workspace.Progress.StepState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {
    @TempDir
    Path tmp;

    private Path file() {
        return tmp.resolve("data/progress");
    }

    @Test
    void aMissingFileIsNoProgressYet() throws Exception {
        Progress progress = Progress.load(file());

        assertThat(progress.state("lost-increments")).isEqualTo(State.NOT_STARTED);
        assertThat(progress.exercise("lost-increments").hintsShown()).isZero();
        assertThat(progress.step("Threads", 1)).isEqualTo(StepState.UNSEEN);
        assertThat(progress.warning()).isEmpty();
        assertThat(file()).doesNotExist();
    }

    @Test
    void whatIsUpdatedIsWhatIsLoadedNextTime() throws Exception {
        Progress.load(file()).update(edit -> {
            edit.tried("deadlock");
            edit.passed("lost-increments");
            edit.hintShown("lost-increments");
            edit.hintShown("lost-increments");
            edit.failingRecording("deadlock", Optional.of("/home/ada/recordings/dead lock 1.rec"));
            edit.seen("Threads and locks", 3);
            edit.stepPassed("Threads and locks", 4);
        });

        Progress again = Progress.load(file());

        assertThat(again.state("deadlock")).isEqualTo(State.TRIED);
        assertThat(again.exercise("lost-increments"))
                .isEqualTo(new Progress.Exercise(State.PASSED, 2, Optional.empty()));
        assertThat(again.exercise("deadlock").failingRecording()).hasValue("/home/ada/recordings/dead lock 1.rec");
        assertThat(again.step("Threads and locks", 3)).isEqualTo(StepState.SEEN);
        assertThat(again.step("Threads and locks", 4)).isEqualTo(StepState.PASSED);
        assertThat(again.step("Threads and locks", 5)).isEqualTo(StepState.UNSEEN);
        assertThat(again.exercises()).containsOnlyKeys("deadlock", "lost-increments");
        assertThat(file()).hasContent("""
                        concur-progress 1
                        exercise deadlock tried
                        recording deadlock /home/ada/recordings/dead lock 1.rec
                        exercise lost-increments passed
                        hints lost-increments 2
                        step 3 seen Threads and locks
                        step 4 passed Threads and locks
                        """);
    }

    @Test
    void statesOnlyMoveForward() throws Exception {
        Progress progress = Progress.load(file()).update(edit -> {
            edit.passed("lost-increments");
            edit.stepPassed("Threads", 1);
        });

        progress = progress.update(edit -> {
            edit.tried("lost-increments");
            edit.seen("Threads", 1);
        });

        assertThat(progress.state("lost-increments")).isEqualTo(State.PASSED);
        assertThat(progress.step("Threads", 1)).isEqualTo(StepState.PASSED);
    }

    @Test
    void aFailingRecordingIsForgottenWhenToldSo() throws Exception {
        Progress progress = Progress.load(file())
                .update(edit -> edit.failingRecording("deadlock", Optional.of("/r/1.rec")))
                .update(edit -> edit.failingRecording("deadlock", Optional.empty()));

        assertThat(Progress.load(file()).exercise("deadlock").failingRecording())
                .isEmpty();
        assertThat(progress.exercise("deadlock").failingRecording()).isEmpty();
    }

    @Test
    void anUpdateReReadsTheFileSoItKeepsWhatAnotherProcessWrote() throws Exception {
        Progress stale = Progress.load(file());
        Progress.load(file()).update(edit -> edit.passed("deadlock"));

        Progress updated = stale.update(edit -> edit.passed("lost-increments"));

        assertThat(updated.state("deadlock")).isEqualTo(State.PASSED);
        assertThat(updated.state("lost-increments")).isEqualTo(State.PASSED);
    }

    @Test
    void linesOfAKindItDoesNotKnowAreKeptForTheVersionThatWroteThem() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "concur-progress 1\nbadge lost-increments gold\n\nexercise deadlock tried\n");

        Progress progress = Progress.load(file()).update(edit -> edit.passed("lost-increments"));

        assertThat(progress.state("deadlock")).isEqualTo(State.TRIED);
        assertThat(progress.warning()).isEmpty();
        assertThat(file())
                .content()
                .contains("badge lost-increments gold\n")
                .contains("exercise lost-increments passed");
    }

    @Test
    void aCorruptFileIsSetAsideWithAWarningAndProgressStartsAfresh() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "concur-progress 1\nexercise lost-increments finished\n");

        Progress progress = Progress.load(file());

        assertThat(progress.state("lost-increments")).isEqualTo(State.NOT_STARTED);
        assertThat(progress.warning())
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains(file().toString())
                        .contains("line 2: \"exercise lost-increments finished\"")
                        .contains("set aside as " + file() + "."));
        assertThat(file()).doesNotExist();
        assertThat(corruptFiles())
                .singleElement()
                .satisfies(aside -> assertThat(aside.getFileName().toString())
                        .matches("progress\\.\\d{8}-\\d{6}(-\\d+)?\\.corrupt"))
                .satisfies(
                        aside -> assertThat(aside).hasContent("concur-progress 1\nexercise lost-increments finished"));
    }

    @Test
    void anUpdateThatFindsTheFileCorruptStartsAfreshAndWarns() throws Exception {
        Progress loaded = Progress.load(file());
        Files.createDirectories(file().getParent());
        Files.write(file(), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

        Progress progress = loaded.update(edit -> edit.tried("deadlock"));

        assertThat(progress.state("deadlock")).isEqualTo(State.TRIED);
        assertThat(progress.warning())
                .hasValueSatisfying(warning -> assertThat(warning).contains("not UTF-8"));
        assertThat(corruptFiles()).hasSize(1);
        assertThat(Progress.load(file()).warning()).isEmpty();
    }

    @Test
    void refusesNamesItCouldNotWriteBack() throws Exception {
        Progress progress = Progress.load(file());

        assertThatIllegalArgumentException().isThrownBy(() -> progress.update(edit -> edit.passed("a b")));
        assertThatIllegalArgumentException().isThrownBy(() -> progress.update(edit -> edit.seen("two\nlines", 1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> progress.update(edit -> edit.failingRecording("deadlock", Optional.of(""))));
        assertThat(file()).doesNotExist();
    }

    @Test
    void twoThreadsCountingHintsLoseNoUpdate() throws Exception {
        Path file = file();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<Void> hundredHints = () -> {
                for (int i = 0; i < 100; i++) {
                    Progress.load(file).update(edit -> edit.hintShown("lost-increments"));
                }
                return null;
            };
            List<Future<Void>> done = threads.invokeAll(List.of(hundredHints, hundredHints), 60, TimeUnit.SECONDS);
            for (Future<Void> each : done) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(Progress.load(file).exercise("lost-increments").hintsShown()).isEqualTo(200);
    }

    @Test
    void twoProcessesCountingHintsLoseNoUpdate() throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            HundredHints.class.getName(),
                            file().toString())
                    .redirectErrorStream(true)
                    .start());
        }
        for (Process process : processes) {
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("finished in time")
                    .isTrue();
            assertThat(process.exitValue())
                    .as(new String(process.getInputStream().readAllBytes()))
                    .isZero();
        }

        assertThat(Progress.load(file()).exercise("lost-increments").hintsShown())
                .isEqualTo(200);
    }

    /** One of the two processes above: shows a hundred hints, one update each. */
    static final class HundredHints {
        public static void main(String[] args) throws IOException {
            Path file = Path.of(args[0]);
            for (int i = 0; i < 100; i++) {
                Progress.load(file).update(edit -> edit.hintShown("lost-increments"));
            }
        }
    }

    @Test
    void aFolderThatCannotBeMadeIsAnIOExceptionNamingThePath() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("data"), "a file");

        assertThatThrownBy(() -> Progress.load(file()).update(edit -> edit.passed("deadlock")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(notAFolder.toString());
    }

    @Test
    void anUnwritableFolderIsAnIOExceptionNamingThePath() throws Exception {
        Path folder = Files.createDirectories(file().getParent());
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        assumeFalse(Files.isWritable(folder), "root writes everywhere");

        assertThatThrownBy(() -> Progress.load(file()).update(edit -> edit.passed("deadlock")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("permission denied");
    }

    private List<Path> corruptFiles() throws IOException {
        try (Stream<Path> files = Files.list(file().getParent())) {
            return files.filter(f -> f.toString().endsWith(".corrupt")).toList();
        }
    }
}
