package concur.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchDirTest {
    @TempDir
    Path outside;

    @Test
    void isAFreshEmptyFolderForEachRun() throws Exception {
        try (ScratchDir a = ScratchDir.create();
                ScratchDir b = ScratchDir.create()) {
            assertThat(a.path()).isAbsolute().isEmptyDirectory().isNotEqualTo(b.path());
        }
    }

    @Test
    void deletesWhatWasWrittenEvenInFoldersMadeReadOnlyOrUnreadable() throws Exception {
        ScratchDir scratch = ScratchDir.create();
        Path locked = Files.createDirectories(scratch.path().resolve("a/locked"));
        Files.writeString(locked.resolve("file"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        Path hidden = Files.createDirectories(scratch.path().resolve("hidden"));
        Files.writeString(hidden.resolve("file"), "x");
        Files.setPosixFilePermissions(hidden, PosixFilePermissions.fromString("---------"));

        scratch.close();

        assertThat(scratch.path()).doesNotExist();
    }

    @Test
    void removesSymbolicLinksWithoutFollowingThem() throws Exception {
        Path precious = Files.writeString(
                Files.createDirectories(outside.resolve("keep")).resolve("precious"), "mine");
        ScratchDir scratch = ScratchDir.create();
        Files.createSymbolicLink(scratch.path().resolve("to-folder"), precious.getParent());
        Files.createSymbolicLink(scratch.path().resolve("to-file"), precious);

        scratch.close();

        assertThat(scratch.path()).doesNotExist();
        assertThat(precious).hasContent("mine");
    }
}
