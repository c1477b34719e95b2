package concur;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packages run one way down, as the README's "How it is built" table draws them. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/concur");
    private static final Pattern REFERENCE = Pattern.compile("\\bconcur\\.(\\w+)\\.(\\w+)");

    /** What each package may import; an arrow missing here runs back up or sideways. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("run", Set.of()),
            Map.entry("explore", Set.of("run")),
            Map.entry("check", Set.of("run")),
            Map.entry("lesson", Set.of("check", "run")),
            Map.entry("step", Set.of("lesson", "check", "run")),
            Map.entry("exercise", Set.of("step", "lesson", "check", "explore", "run")),
            Map.entry("report", Set.of("run")),
            Map.entry("view", Set.of("step", "check", "explore", "run")),
            Map.entry("shell", Set.of("lesson")),
            Map.entry("workspace", Set.of()),
            Map.entry(
                    "cli",
                    Set.of(
                            "workspace",
                            "shell",
                            "view",
                            "report",
                            "exercise",
                            "step",
                            "lesson",
                            "check",
                            "explore",
                            "run")));

    @Test
    void everyPackageImportsOnlyTheLayersBelowIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : sources(MAIN)) {
            String from = MAIN.relativize(file).getName(0).toString();
            assertThat(ALLOWED).as("package %s is in the table", from).containsKey(from);
            Matcher reference = REFERENCE.matcher(Files.readString(file));
            while (reference.find()) {
                String to = reference.group(1);
                if (!to.equals(from) && !ALLOWED.get(from).contains(to)) {
                    wrong.add(MAIN.relativize(file) + " uses concur." + to + "." + reference.group(2));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theMatcherUsesOnlyTheRunnersOutputLines() throws IOException {
        for (Path file : sources(MAIN.resolve("check"))) {
            Matcher reference = REFERENCE.matcher(Files.readString(file));
            while (reference.find()) {
                if (reference.group(1).equals("run")) {
                    assertThat(reference.group(2)).as(file.toString()).isEqualTo("OutputLine");
                }
            }
        }
    }

    @Test
    void theReportUsesOnlyTheRunnersPrintable() throws IOException {
        for (Path file : sources(MAIN.resolve("report"))) {
            Matcher reference = REFERENCE.matcher(Files.readString(file));
            while (reference.find()) {
                assertThat(reference.group(1) + "." + reference.group(2))
                        .as(file.toString())
                        .matches("report\\..*|run\\.Printable");
            }
        }
    }

    @Test
    void theHarnessTakesNoMonitorAVirtualThreadCouldBlockIn() throws IOException {
        // On JDK 21-23 a virtual thread that blocks while holding a monitor pins its carrier (JEP 491 lifted
        // that in 24). Every line an example prints passes through the harness, so it locks with
        // ReentrantLock, never synchronized, and does not pin an example's virtual threads there.
        for (String file : List.of("run/Harness.java", "run/Wire.java")) {
            String code = withoutStrings(withoutComments(Files.readString(MAIN.resolve(file))));
            assertThat(code)
                    .as(file)
                    .doesNotContainPattern("\\bsynchronized\\b")
                    .doesNotContain(".wait(");
        }
    }

    @Test
    void theHarnessLoadsNothingOfConcurButItselfAndTheWire() throws IOException {
        String harness = withoutComments(Files.readString(MAIN.resolve("run/Harness.java")));
        List<String> others = sources(MAIN.resolve("run")).stream()
                .map(file -> file.getFileName().toString().replace(".java", ""))
                .filter(name -> !name.equals("Harness") && !name.equals("Wire"))
                .filter(name ->
                        Pattern.compile("\\b" + name + "\\b").matcher(harness).find())
                .toList();
        assertThat(others).isEmpty();
    }

    @Test
    void onlyTheExplorersChildPackageUsesFray() throws IOException {
        // Fray is provided scope: it is on no class path but the child JVM's, so nothing else may load it.
        Path child = MAIN.resolve("explore/child");
        List<String> users = sources(MAIN).stream()
                .filter(file -> !file.startsWith(child))
                .filter(file -> withoutStrings(uncheckedRead(file)).contains("org.pastalab"))
                .map(file -> MAIN.relativize(file).toString())
                .toList();
        assertThat(users).isEmpty();
    }

    /** Without its string literals: naming a Fray module on a command line is not using Fray. */
    private static String withoutStrings(String java) {
        // Runs of plain characters at a time: one step per character overflows the stack on a long text block.
        return java.replaceAll("\"(?:[^\"\\\\]++|\\\\.)*+\"", "\"\"");
    }

    private static String uncheckedRead(Path file) {
        try {
            return withoutComments(Files.readString(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> sources(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String withoutComments(String java) {
        return java.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }
}
