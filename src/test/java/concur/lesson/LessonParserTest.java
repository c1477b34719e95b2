package concur.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import concur.run.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LessonParserTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    static final Path HOSTILE = Path.of("src/test/resources/hostile");

    private final LessonParser parser = new LessonParser();

    @Nested
    class AWellFormedLesson {
        private final Lesson lesson = parse("passing.md");

        @Test
        void takesItsNameFromTheFileAndItsTitleFromTheFrontMatter() {
            assertThat(lesson.name()).isEqualTo("passing");
            assertThat(lesson.title()).isEqualTo("A passing lesson");
            assertThat(lesson.intro()).isEqualTo("The smallest lesson that runs.");
        }

        @Test
        void hasOneStepPerLevelTwoHeading() {
            assertThat(lesson.steps())
                    .extracting(Step::title)
                    .containsExactly("Hello from a worker", "Prose only", "From a file");
            assertThat(lesson.steps()).extracting(Step::number).containsExactly(1, 2, 3);
            assertThat(lesson.steps().get(0).line()).isEqualTo(7);
        }

        @Test
        void readsAnInlineExampleWithItsPublicClassAndSourceLine() {
            Example example = lesson.steps().get(0).demo().orElseThrow().example();
            assertThat(example.className()).isEqualTo("Hello");
            assertThat(example.source()).startsWith("public class Hello {");
            assertThat(example.firstLine()).isEqualTo(10);
            assertThat(example.file()).isEqualTo(FIXTURES.resolve("passing.md"));
        }

        @Test
        void keepsHintsAndThePythonNoteOutOfTheProse() {
            Step step = lesson.steps().get(0);
            assertThat(step.hints()).containsExactly("join() waits for the worker.");
            assertThat(step.pythonNote()).contains("the same with threading.Thread.");
            assertThat(step.text()).doesNotContain("Hint:").doesNotContain("Python:");
            assertThat(step.demo()).isPresent();
        }

        @Test
        void aStepWithoutAnExampleIsProseOnly() {
            Step prose = lesson.steps().get(1);
            assertThat(prose.runnable()).isFalse();
            assertThat(prose.demo()).isEmpty();
            assertThat(prose.text()).isEqualTo("A step with nothing to run.");
        }

        @Test
        void readsDirectives() {
            Step fromFile = lesson.steps().get(2);
            Demo demo = fromFile.demo().orElseThrow();
            Example example = demo.example();
            assertThat(example.className()).isEqualTo("Counted");
            assertThat(example.file()).endsWith(Path.of("passing", "Counted.java"));
            assertThat(example.firstLine()).isEqualTo(1);
            assertThat(demo.timeout()).contains(Duration.ofSeconds(10));
            assertThat(demo.args()).containsExactly("3");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing-expected.md   | 3  | step "A step without its expected output" has an example but no ```expected block
            unknown-directive.md  | 5  | unknown directive 'exmaple' (known: example, timeout, java-options, args, variant, removes; in an exercise: name, exercise, solution, check, schedules, stress-runs)
            missing-source.md     | 5  | file src/test/resources/fixtures/missing-source/Nowhere.java does not exist
            unterminated-block.md | 13 | this ``` block is never closed
            """)
    void reportsAMalformedLessonAsFileLineProblem(String file, int line, String problem) {
        assertThatThrownBy(() -> parser.parse(FIXTURES.resolve(file)))
                .isInstanceOf(LessonException.class)
                .hasMessage("src/test/resources/fixtures/" + file + ":" + line + ": " + problem);
    }

    @Test
    void reportsABadExpectationAtItsOwnLine() {
        assertThatThrownBy(() -> parser.parse(FIXTURES.resolve("bad-placeholder.md")))
                .isInstanceOf(LessonException.class)
                .hasMessageStartingWith("src/test/resources/fixtures/bad-placeholder.md:14: ")
                .hasMessageContaining("{tread}");
    }

    @ParameterizedTest(name = "timeout={0}")
    @CsvSource(delimiter = '|', textBlock = """
            999999999999m                          | is too long: a time limit is at most 1 hour (60m)
            61m                                    | is too long: a time limit is at most 1 hour (60m)
            99999999999999999999999999999999999s   | is too long: a time limit is at most 1 hour (60m)
            0s                                     | is too short: a time limit is at least 1ms
            0.0000001ms                            | is too short: a time limit is at least 1ms
            -5s                                    | is not a duration like 500ms, 10s or 2m
            1e9s                                   | is not a duration like 500ms, 10s or 2m
            """)
    void rejectsATimeLimitOutsideItsBounds(String timeout, String problem, @TempDir Path dir) throws Exception {
        Path lesson = dir.resolve("limits.md");
        Files.writeString(
                lesson, Files.readString(HOSTILE.resolve("absurd-timeout.md")).replace("999999999999m", timeout));

        assertThatThrownBy(() -> parser.parse(lesson))
                .isInstanceOf(LessonException.class)
                .hasMessageEndingWith("limits.md:5: timeout \"" + timeout + "\" " + problem);
    }

    @Test
    void acceptsATimeLimitOfAnHour(@TempDir Path dir) throws Exception {
        Path lesson = dir.resolve("limits.md");
        Files.writeString(
                lesson, Files.readString(HOSTILE.resolve("absurd-timeout.md")).replace("999999999999m", "60m"));

        assertThat(parser.parse(lesson).steps().get(0).demo().orElseThrow().timeout())
                .contains(Duration.ofHours(1));
    }

    @Nested
    class AWindowsFile {
        private final Lesson windows = parse(HOSTILE, "windows.md");

        @Test
        void parsesAsTheSameLessonWithLineFeedsWouldWithoutItsByteOrderMark(@TempDir Path dir) throws Exception {
            Path unix = dir.resolve("windows.md");
            Files.writeString(
                    unix,
                    Files.readString(HOSTILE.resolve("windows.md"))
                            .replace("\uFEFF", "")
                            .replace("\r\n", "\n"));
            Files.createDirectories(dir.resolve("windows"));
            Files.copy(HOSTILE.resolve("windows/Counted.java"), dir.resolve("windows/Counted.java"));
            Lesson same = parser.parse(unix);

            assertThat(windows.title()).isEqualTo("Saved on Windows").isEqualTo(same.title());
            assertThat(windows.intro()).isEqualTo(same.intro());
            assertThat(windows.steps()).hasSize(2);
            assertThat(windows.steps()).extracting(Step::title).containsExactly("Inline", "From a file");
            assertThat(windows.steps())
                    .extracting(Step::line)
                    .containsExactlyElementsOf(
                            same.steps().stream().map(Step::line).toList());
            assertThat(windows.steps().get(0).hints()).containsExactly("nothing special.");
        }

        @Test
        void keepsNoCarriageReturnInItsExamplesOrExpectedLines() {
            Demo inline = windows.steps().get(0).demo().orElseThrow();
            assertThat(inline.example().source()).doesNotContain("\r").startsWith("public class Crlf {\n");
            assertThat(inline.expectation().displayLines()).containsExactly("one", "...", "two");
            Demo fromFile = windows.steps().get(1).demo().orElseThrow();
            assertThat(fromFile.example().source()).doesNotContain("\r").doesNotContain("\uFEFF");
            assertThat(fromFile.args()).containsExactly("2");
            assertThat(fromFile.timeout()).contains(Duration.ofSeconds(10));
        }

        @Test
        void listsWithItsTitleAndStepCount() {
            LessonHead head = new Catalog(HOSTILE)
                    .entries().stream()
                            .filter(h -> h.name().equals("windows"))
                            .findFirst()
                            .orElseThrow();
            assertThat(head.title()).isEqualTo("Saved on Windows");
            assertThat(head.steps()).isEqualTo(2);
        }
    }

    @Nested
    class TheClassToRun {
        private final Lesson lesson = parse(HOSTILE, "class-names.md");

        @Test
        void isNotOneNamedInACommentOrAString() {
            assertThat(className(0)).isEqualTo("Real");
            assertThat(className(1)).isEqualTo("Shown");
        }

        @Test
        void isTheOneWithMainWhenNoneIsPublic() {
            assertThat(className(2)).isEqualTo("Main");
        }

        @Test
        void carriesItsPackage() throws Exception {
            JavaOutline outline = JavaOutline.of(
                    "// package wrong;\npackage right.here;\nclass A { public static void main(String[] a) {} }");
            assertThat(outline.qualified(outline.mainType(Optional.empty()).orElseThrow()))
                    .isEqualTo("right.here.A");
            JavaOutline spaced =
                    JavaOutline.of("package a . b\n .c;\npublic class A { public static void main(String[] x) {} }");
            assertThat(spaced.qualified(spaced.mainType(Optional.empty()).orElseThrow()))
                    .isEqualTo("a.b.c.A");
        }

        @Test
        void runsThePublicClassBeforeOneWithMainAndThatBeforeTheFilesName() {
            JavaOutline outline = JavaOutline.of(
                    "class Named {}\nclass WithMain { static void main(String[] a) {} }\npublic class Shown {}");

            assertThat(outline.mainType(Optional.of("Named")).orElseThrow().name())
                    .isEqualTo("Shown");
            assertThat(JavaOutline.of("class Named {}\nclass WithMain { static void main(String[] a) {} }")
                            .mainType(Optional.of("Named"))
                            .orElseThrow()
                            .name())
                    .isEqualTo("WithMain");
        }

        @Test
        void prefersTheFilesNameAmongClassesWithMain() {
            JavaOutline outline = JavaOutline.of(
                    "class A { static void main(String[] a) {} }\nclass B { static void main(String[] a) {} }");
            assertThat(outline.mainType(Optional.of("B")).orElseThrow().name()).isEqualTo("B");
            assertThat(outline.mainType(Optional.empty()).orElseThrow().name()).isEqualTo("A");
        }

        @Test
        void seesThroughUnicodeEscapesAndAnnotations() {
            JavaOutline outline = JavaOutline.of("""
                    @SuppressWarnings({"unchecked", "rawtypes"})
                    public @interface Marker {}
                    class Quoted { String s = \\u0022public class Fake {\\u0022; }
                    class Runs { public static void main(String[] a) { char c = '{'; } }
                    """);
            assertThat(outline.types()).extracting(JavaOutline.Type::name).containsExactly("Quoted", "Runs");
            assertThat(outline.mainType(Optional.empty()).orElseThrow().name()).isEqualTo("Runs");
        }

        @Test
        void seesNoTypeOrMainInCommentsTextBlocksOrLiteralsWithBraces() {
            JavaOutline outline = JavaOutline.of("""
                    /* class Commented { void main() {} } */
                    class Shown {
                        String block = \"""
                            } class InBlock { void main( \\\""" still the block
                            \""";
                        char brace = '}'; String s = "\\" } class InString {"; // class InComment {
                        class Nested { static void main(String[] a) {} }
                    }
                    class Last { void mainly() {} void notMain(int main) {} }
                    """);
            assertThat(outline.types()).extracting(JavaOutline.Type::name).containsExactly("Shown", "Last");
            assertThat(outline.types()).noneMatch(JavaOutline.Type::hasMain);
        }

        private String className(int step) {
            return lesson.steps().get(step).demo().orElseThrow().example().className();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            latin1.md             | 3 | cannot read this lesson: it is not UTF-8 text (byte 0xE9 in column 7); save it as UTF-8
            climbs-out.md         | 5 | example ../fixtures/passing/Counted.java lies outside the lesson's folder src/test/resources/hostile; a lesson's examples live in its folder
            absolute-example.md   | 5 | example /etc/Counted.java is an absolute path; write it relative to the lesson's folder, e.g. absolute-example/Example.java
            unclosed-quote.md     | 5 | the quote after args= is never closed: write args="value with spaces"
            no-main.md            | 5 | the java block declares no main method: give Quiet a public static void main(String[] args)
            """)
    void reportsAHostileLessonAsFileLineProblem(String file, int line, String problem) {
        assertThatThrownBy(() -> parser.parse(HOSTILE.resolve(file)))
                .isInstanceOf(LessonException.class)
                .hasMessage("src/test/resources/hostile/" + file + ":" + line + ": " + problem);
    }

    @Test
    void readsAReplacementCharacterWrittenInTheFileButNamesABadByteAfterIt(@TempDir Path dir) throws Exception {
        String text = "# Marks\n\nThe sign \uFFFD stands for a byte that was lost.\n\n## A step\n\nProse.\n";
        Path lesson = Files.writeString(dir.resolve("marks.md"), text);
        assertThat(parser.parse(lesson).intro()).isEqualTo("The sign \uFFFD stands for a byte that was lost.");

        byte[] good = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(good, good.length + 2);
        bad[good.length] = 'x';
        bad[good.length + 1] = (byte) 0xE9; // Latin-1's é
        Files.write(lesson, bad);
        assertThatThrownBy(() -> parser.parse(lesson))
                .isInstanceOf(LessonException.class)
                .hasMessageEndingWith(
                        "marks.md:8: cannot read this lesson: it is not UTF-8 text (byte 0xE9 in column 2);"
                                + " save it as UTF-8");
    }

    @Test
    void namesTheExampleFileAndLineOfABadByte() {
        assertThatThrownBy(() -> parser.parse(HOSTILE.resolve("latin1-example.md")))
                .isInstanceOf(LessonException.class)
                .hasMessage("src/test/resources/hostile/latin1-example/Grusse.java:2: cannot read this example:"
                        + " it is not UTF-8 text (byte 0xFC in column 10); save it as UTF-8");
    }

    @Test
    void refusesAnExampleThatLinksOutOfTheLessonsFolder(@TempDir Path dir) throws Exception {
        Path outside = Files.writeString(dir.resolve("Counted.java"), "public class Counted {}");
        Path lessons = Files.createDirectories(dir.resolve("lessons/linked"));
        Files.createSymbolicLink(lessons.resolve("Counted.java"), outside);
        Path lesson = Files.writeString(
                lessons.resolveSibling("linked.md"),
                Files.readString(HOSTILE.resolve("climbs-out.md")).replace("../fixtures/passing/", "linked/"));

        assertThatThrownBy(() -> parser.parse(lesson))
                .isInstanceOf(LessonException.class)
                .hasMessageEndingWith("linked.md:5: example linked/Counted.java is a link to " + outside.toRealPath()
                        + ", outside the lesson's folder; a lesson's examples live in its folder");
    }

    @Test
    void acceptsALinkThatStaysInTheLessonsFolder(@TempDir Path dir) throws Exception {
        Path lessons = Files.createDirectories(dir.resolve("lessons/linked"));
        Files.writeString(
                lessons.resolve("Real.java"), "public class Counted { public static void main(String[] a) {} }");
        Files.createSymbolicLink(lessons.resolve("Counted.java"), lessons.resolve("Real.java"));
        Path lesson = Files.writeString(
                lessons.resolveSibling("linked.md"),
                Files.readString(HOSTILE.resolve("climbs-out.md")).replace("../fixtures/passing/", "linked/"));

        assertThat(parser.parse(lesson)
                        .steps()
                        .get(0)
                        .demo()
                        .orElseThrow()
                        .example()
                        .className())
                .isEqualTo("Counted");
    }

    @ParameterizedTest(name = "an example that is {0}")
    @CsvSource(delimiter = '|', textBlock = """
            a folder        | cannot read src/test/resources/hostile/special/Example.java: it is a folder, not a file
            a pipe          | cannot read src/test/resources/hostile/special/Example.java: it is not an ordinary file (a pipe or a device?)
            a dangling link | file src/test/resources/hostile/special/Example.java does not exist (it is a dangling link)
            """)
    void reportsAnExampleThatIsNoOrdinaryFileWithoutReadingIt(String kind, String problem) throws Exception {
        Path folder = HOSTILE.resolve("special");
        Path example = folder.resolve("Example.java");
        Path lesson = HOSTILE.resolve("special.md");
        try {
            Files.createDirectories(folder);
            switch (kind) {
                case "a folder" -> Files.createDirectory(example);
                case "a pipe" ->
                    assertThat(new ProcessBuilder("mkfifo", example.toString())
                                    .start()
                                    .waitFor())
                            .isZero();
                default -> Files.createSymbolicLink(example, folder.resolve("Nowhere.java"));
            }
            Files.writeString(
                    lesson,
                    Files.readString(HOSTILE.resolve("climbs-out.md"))
                            .replace("../fixtures/passing/Counted", "special/Example"));

            assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parser.parse(lesson)))
                    .isInstanceOf(LessonException.class)
                    .hasMessage("src/test/resources/hostile/special.md:5: " + problem);
        } finally {
            Files.deleteIfExists(lesson);
            Files.deleteIfExists(example);
            Files.deleteIfExists(folder);
        }
    }

    @Nested
    class AVariant {
        private static final String CODE = "public class Count { public static void main(String[] a) {} }\n";

        private Path lesson(Path dir, String body) throws Exception {
            Files.createDirectories(dir.resolve("v/variants"));
            Files.writeString(dir.resolve("v/Count.java"), CODE);
            Files.writeString(dir.resolve("v/variants/Count.java"), CODE.replace("{}", "{ }"));
            Path file = dir.resolve("v.md");
            Files.writeString(
                    file,
                    "# V\n\n## Count\n\n<!-- concur: example=v/Count.java -->\n\n" + "```expected\n:: exit 0\n```\n\n"
                            + body);
            return file;
        }

        @Test
        void carriedByAHintIsTiedToThatHintAndLeavesItsText(@TempDir Path dir) throws Exception {
            Step step = parser.parse(lesson(dir, """
                    > Hint: First look.

                    > Hint: Take the lock away and run it. <!-- concur: variant=v/variants/Count.java removes="the lock" -->
                    """)).steps().get(0);

            assertThat(step.hints()).containsExactly("First look.", "Take the lock away and run it.");
            assertThat(step.variants()).singleElement().satisfies(v -> {
                assertThat(v.removes()).isEqualTo("the lock");
                assertThat(v.example().file()).isEqualTo(dir.resolve("v/variants/Count.java"));
            });
            assertThat(step.variantOfHint(1)).isPresent();
            assertThat(step.variantOfHint(0)).isEmpty();
        }

        @Test
        void inAStepsOwnDirectiveBelongsToNoHint(@TempDir Path dir) throws Exception {
            Step step = parser.parse(lesson(dir, "<!-- concur: variant=v/variants/Count.java removes=\"join()\" -->\n"))
                    .steps()
                    .get(0);

            assertThat(step.variants())
                    .singleElement()
                    .satisfies(v -> assertThat(v.hint()).isEmpty());
            assertThat(step.variants().get(0).in(step.demo().orElseThrow()).expectation())
                    .isSameAs(step.demo().orElseThrow().expectation());
        }

        @Test
        void withoutWhatItRemovesIsAnErrorAtItsLine(@TempDir Path dir) throws Exception {
            Path file = lesson(dir, "> Hint: try it <!-- concur: variant=v/variants/Count.java -->\n");

            assertThatThrownBy(() -> parser.parse(file))
                    .isInstanceOf(LessonException.class)
                    .hasMessageContaining("v.md:11: a variant needs both variant=PATH and removes=");
        }

        @Test
        void inAHintHoldsNothingButTheVariant(@TempDir Path dir) throws Exception {
            Path file =
                    lesson(dir, "> Hint: try it <!-- concur: variant=v/variants/Count.java removes=x timeout=1s -->\n");

            assertThatThrownBy(() -> parser.parse(file))
                    .isInstanceOf(LessonException.class)
                    .hasMessageContaining("holds only variant= and removes=, not timeout=");
        }
    }

    /** The parser reads headings, quotes, info strings and words by hand, not by regex; these are its edges. */
    @Nested
    class ItsPlainTextReading {
        @Test
        void takesHeadingsAfterTheirMarkersAndSpaces(@TempDir Path dir) throws Exception {
            Lesson lesson =
                    parser.parse(Files.writeString(dir.resolve("h.md"), "#  Title\t \n\n##   Spaced out  \n\nText.\n"));

            assertThat(lesson.title()).isEqualTo("Title");
            assertThat(lesson.steps()).extracting(Step::title).containsExactly("Spaced out");
        }

        @Test
        void dropsEachQuoteMarkerAndOneSpaceButKeepsALazyLineWhole(@TempDir Path dir) throws Exception {
            Step step = parser.parse(Files.writeString(dir.resolve("q.md"), """
                            # Q

                            ## Step

                            > Hint: one
                              >two
                            >   three
                            lazy  four
                            """))
                    .steps()
                    .get(0);

            assertThat(step.hints()).containsExactly("one\ntwo\n  three\nlazy  four");
        }

        @Test
        void readsAnInfoStringsWordsWhateverTheSpacesBetween(@TempDir Path dir) throws Exception {
            Step step = parser.parse(Files.writeString(dir.resolve("s.md"), """
                            # S

                            ## Step

                            ```java \t snippet
                            class NotRun { public static void main(String[] a) {} }
                            ```
                            """))
                    .steps()
                    .get(0);

            assertThat(step.demo()).as("a snippet is shown, not run").isEmpty();
        }

        @Test
        void splitsJavaOptionsAtAnyRunOfSpaces(@TempDir Path dir) throws Exception {
            Step step = parser.parse(Files.writeString(dir.resolve("o.md"), """
                            # O

                            ## Step

                            <!-- concur: java-options="  -Xmx64m \t -Da=b  " -->

                            ```java
                            public class O { public static void main(String[] a) {} }
                            ```

                            ```expected
                            :: exit 0
                            ```
                            """))
                    .steps()
                    .get(0);

            assertThat(step.demo().orElseThrow().javaOptions()).containsExactly("-Xmx64m", "-Da=b");
        }
    }

    @Test
    void everyLessonInTheRepositoryParses() throws LessonException {
        for (LessonHead entry : new Catalog(Path.of("lessons")).entries()) {
            Lesson lesson = parser.parse(entry.file());
            assertThat(lesson.steps()).as(entry.name()).hasSize(entry.steps());
            assertThat(lesson.title()).isEqualTo(entry.title());
        }
    }

    private Lesson parse(String name) {
        return parse(FIXTURES, name);
    }

    private Lesson parse(Path folder, String name) {
        try {
            return parser.parse(folder.resolve(name));
        } catch (LessonException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
