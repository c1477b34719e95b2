package concur.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceTest {
    @TempDir
    Path tmp;

    private Path start() throws IOException {
        return Files.writeString(
                Files.createDirectories(tmp.resolve("lessons")).resolve("Counter.java"), "class Counter {}\n");
    }

    @Test
    void keepsEachExercisesFilesInAFolderOfItsOwn() {
        Workspace workspace = new Workspace(tmp.resolve("data"));

        assertThat(workspace.fileOf("lost-increments", "Counter.java"))
                .isEqualTo(tmp.resolve("data/exercises/lost-increments/Counter.java"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "a/b", "../x", "/etc", ".hidden", "a b", "", "a\\b", "x\0y"})
    void refusesANameThatIsNotPlain(String name) {
        Workspace workspace = new Workspace(tmp);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> workspace.fileOf(name, "Counter.java"))
                .withMessageContaining("not a plain name");
        assertThatIllegalArgumentException().isThrownBy(() -> workspace.fileOf("lost-increments", name));
    }

    @Test
    void preparesTheLearnersCopyFromTheStartingCode() throws Exception {
        Workspace workspace = new Workspace(tmp.resolve("data"));

        Path copy = workspace.prepare("lost-increments", start());

        assertThat(copy).isEqualTo(workspace.fileOf("lost-increments", "Counter.java"));
        assertThat(copy).hasContent("class Counter {}");
        assertThat(copy.getParent()).isDirectoryNotContaining(p -> p.toString().endsWith(".tmp"));
    }

    @Test
    void aStepsExampleHasAPlaceOfItsOwnBesideTheExercises() {
        Workspace workspace = new Workspace(tmp.resolve("data"));

        assertThat(workspace.exampleOf("threads", 2, "Counter.java"))
                .isEqualTo(tmp.resolve("data/examples/threads/step-2/Counter.java"));
        assertThatIllegalArgumentException().isThrownBy(() -> workspace.exampleOf("threads", 0, "Counter.java"));
        assertThatIllegalArgumentException().isThrownBy(() -> workspace.exampleOf("../x", 1, "Counter.java"));
    }

    @Test
    void aStepsExampleCopyIsSetAsideAsABackupNotDeleted() throws Exception {
        Workspace workspace = new Workspace(tmp.resolve("data"));
        Path copy = workspace.exampleOf("threads", 2, "Counter.java");
        assertThat(workspace.setAsideExample("threads", 2, "Counter.java")).isEmpty();
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, "class Counter { /* no join */ }");

        Optional<Path> backup = workspace.setAsideExample("threads", 2, "Counter.java");

        assertThat(copy).doesNotExist();
        assertThat(backup).hasValueSatisfying(b -> assertThat(b).hasContent("class Counter { /* no join */ }"));
    }

    @Test
    void neverOverwritesTheLearnersCopy() throws Exception {
        Workspace workspace = new Workspace(tmp);
        Path copy = workspace.prepare("lost-increments", start());
        Files.writeString(copy, "class Counter { /* my fix */ }");

        workspace.prepare("lost-increments", start());

        assertThat(copy).hasContent("class Counter { /* my fix */ }");
    }

    @Test
    void resetRestoresTheStartingCodeAndKeepsTheLearnersWorkBesideIt() throws Exception {
        Workspace workspace = new Workspace(tmp);
        Path copy = workspace.prepare("lost-increments", start());
        Files.writeString(copy, "my first try");

        Optional<Path> first = workspace.reset("lost-increments", start());
        Files.writeString(copy, "my second try");
        Optional<Path> second = workspace.reset("lost-increments", start());

        assertThat(copy).hasContent("class Counter {}");
        assertThat(first).hasValueSatisfying(backup -> assertThat(backup).hasContent("my first try"));
        assertThat(second).hasValueSatisfying(backup -> assertThat(backup).hasContent("my second try"));
        assertThat(first.get().getFileName().toString()).matches("Counter\\.java\\.\\d{8}-\\d{6}(-\\d+)?\\.bak");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void resetMakesNoBackupWhenThereIsNothingToLose() throws Exception {
        Workspace workspace = new Workspace(tmp);
        Path copy = workspace.prepare("lost-increments", start());

        assertThat(workspace.reset("lost-increments", start())).isEmpty();
        assertThat(workspace.reset("never-prepared", start())).isEmpty();
        try (Stream<Path> files = Files.list(copy.getParent())) {
            assertThat(files).containsExactly(copy);
        }
        assertThat(workspace.fileOf("never-prepared", "Counter.java")).hasContent("class Counter {}");
    }

    @Test
    void aRootThatIsAFileIsAnIOExceptionNamingThePath() throws Exception {
        Path file = Files.writeString(tmp.resolve("data"), "not a folder");
        Workspace workspace = new Workspace(file);
        Path start = start();

        assertThatThrownBy(() -> workspace.prepare("lost-increments", start))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot create the folder " + file.resolve("exercises"))
                .hasMessageContaining("not a directory");
    }

    @Test
    void anUnwritableRootIsAnIOExceptionNamingThePath() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("data"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-x------"));
        assumeFalse(Files.isWritable(root), "root writes everywhere");
        Workspace workspace = new Workspace(root);
        Path start = start();

        assertThatThrownBy(() -> workspace.prepare("lost-increments", start))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(root.resolve("exercises").toString())
                .hasMessageContaining("permission denied");
    }
}
