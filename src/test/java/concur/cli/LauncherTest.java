package concur.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code concur} script and its JDK finder, run by bash as a user would. */
class LauncherTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    private Result bash(String script, String... env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script)
                .directory(Path.of("").toAbsolutePath().toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("HOME", dir.toString());
        for (int i = 0; i < env.length; i += 2) {
            builder.environment().put(env[i], env[i + 1]);
        }
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out).strip(),
                Files.readString(err).strip());
    }

    /** A folder that looks like a JDK to the finder: a release file, and java (and javac) that do nothing. */
    private Path fakeJdk(String name, String version, boolean withJavac) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        for (String tool : withJavac ? List.of("java", "javac") : List.of("java")) {
            Path file = home.resolve("bin").resolve(tool);
            Files.writeString(file, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }

    private String finderWith(Path... installed) {
        StringBuilder dirs = new StringBuilder();
        for (Path p : installed) {
            dirs.append("echo ").append(p).append("; ");
        }
        return ". src/main/sh/find-jdk.sh; jdk_install_dirs() { " + dirs + "}; find_jdk";
    }

    @Test
    void theFirstBuildSaysWhatItIsDoingInsteadOfFallingSilent() throws Exception {
        Result result = bash(". src/main/sh/build-progress.sh; printf '%s\\n' "
                + "'Downloading from central: https://repo/a.pom' 'Downloading from central: https://repo/b.jar' "
                + "'[INFO] --- compiler:3.14.0:compile (default-compile) @ concur ---' '[INFO] Compiling 90 files' "
                + "'[INFO] --- jar:3.4.2:jar (default-jar) @ concur ---' | build_progress");

        assertThat(result.code()).isZero();
        assertThat(result.err().lines())
                .containsExactly(
                        "concur: building: downloading Maven and the libraries (1 files so far)",
                        "concur: building: compiling concur",
                        "concur: building: packaging concur.jar");
    }

    @Test
    void passesOverAnOldJavaHomeAndPicksTheNewestInstalledJdk() throws Exception {
        Path old = fakeJdk("jdk17", "17.0.15", true);
        Path newer = fakeJdk("jdk22", "22.0.1", true);
        Path older = fakeJdk("jdk21", "21", true);

        Result result = bash(finderWith(old, older, newer), "JAVA_HOME", old.toString());

        assertThat(result.out()).isEqualTo(newer.toString());
    }

    @Test
    void prefersJavaHomeWhenItIsNewEnough() throws Exception {
        Path home = fakeJdk("jdk21", "21.0.2", true);
        Path newer = fakeJdk("jdk25", "25", true);

        assertThat(bash(finderWith(newer), "JAVA_HOME", home.toString()).out()).isEqualTo(home.toString());
    }

    @Test
    void skipsARuntimeWithoutACompiler() throws Exception {
        Path jre = fakeJdk("jre25", "25", false);
        Path jdk = fakeJdk("jdk21", "21", true);

        assertThat(bash(finderWith(jre, jdk)).out()).isEqualTo(jdk.toString());
    }

    @Test
    void runsALessonWithNonAsciiNamesUnderTheCLocale() throws Exception {
        Path lessons = Files.createDirectories(dir.resolve("leçons/grüße"));
        Files.copy(Path.of("src/test/resources/fixtures/passing/Counted.java"), lessons.resolve("Counted.java"));
        Path lesson = Files.writeString(
                lessons.resolveSibling("café.md"),
                Files.readString(Path.of("src/test/resources/fixtures/passing.md"))
                        .replace("passing/Counted.java", "grüße/Counted.java"));
        // With native access, as the launcher starts it: concur then contains examples and says nothing about it.
        String concur = String.join(
                " ",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Dconcur.cache=" + System.getProperty("concur.cache", "target/example-cache"),
                "-cp",
                System.getProperty("java.class.path"),
                "concur.cli.Main",
                "run",
                lesson.toString());
        String launcher = ". src/main/sh/locale.sh; use_utf8_for_file_names; ";

        Result asJavaWouldRunIt = bash(concur, "LANG", "C");
        assertThat(asJavaWouldRunIt.code()).isEqualTo(2);
        assertThat(asJavaWouldRunIt.err())
                .startsWith("concur: this system's locale cannot spell the name")
                .endsWith("run concur in a UTF-8 locale, e.g. LANG=C.UTF-8")
                .doesNotContain("Exception");

        for (String locale : List.of("LANG", "LC_ALL", "LC_CTYPE")) {
            Result asTheLauncherRunsIt = bash(launcher + concur, locale, "C");
            assertThat(asTheLauncherRunsIt.code())
                    .as(locale + "=C: " + asTheLauncherRunsIt.err())
                    .isZero();
            assertThat(asTheLauncherRunsIt.out()).contains("2 of 2 steps matched");
        }
    }

    @Test
    void leavesAUtf8LocaleAsItIs() throws Exception {
        Result result = bash(
                ". src/main/sh/locale.sh; use_utf8_for_file_names; echo \"${LC_ALL:-}|${LC_CTYPE:-}|$LANG\"",
                "LANG",
                "de_DE.utf8");

        assertThat(result.out()).isEqualTo("||de_DE.utf8");
    }

    @Test
    void withNoJdk21AnywhereSaysWhatToInstallInOneSentenceAndExitsTwo() throws Exception {
        Path copy = dir.resolve("concur-copy");
        Files.createDirectories(copy.resolve("src/main/sh"));
        Files.copy(Path.of("concur"), copy.resolve("concur"));
        Files.copy(Path.of("src/main/sh/locale.sh"), copy.resolve("src/main/sh/locale.sh"));
        Files.copy(Path.of("src/main/sh/build-progress.sh"), copy.resolve("src/main/sh/build-progress.sh"));
        Files.writeString(
                copy.resolve("src/main/sh/find-jdk.sh"),
                Files.readString(Path.of("src/main/sh/find-jdk.sh"), StandardCharsets.UTF_8)
                        + "\njdk_install_dirs() { echo " + fakeJdk("jdk17", "17.0.15", true) + "; }\n");

        Result result = bash("bash " + copy.resolve("concur") + " list", "JAVA_HOME", "");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("concur: needs a JDK 21 or newer").doesNotContain("\n");
        assertThat(result.out()).isEmpty();
    }
}
