package concur.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {
    private static final String ESC = "\u001b[";

    private static List<String> plain(String markdown, int width) {
        return MarkdownRenderer.render(markdown, new Screen(false, false, width));
    }

    private static List<String> colour(String markdown, int width) {
        return MarkdownRenderer.render(markdown, new Screen(true, true, width));
    }

    private static int columns(String line) {
        return new AttributedString(AttributedString.stripAnsi(line)).columnLength();
    }

    @Nested
    class Headings {
        @Test
        void levelOneAndTwoAreUnderlinedAsWideAsTheirText() {
            assertThat(plain("# Threads", 60)).containsExactly("Threads", "═══════");
            assertThat(plain("## A named thread", 60)).containsExactly("A named thread", "──────────────");
        }

        @Test
        void deeperLevelsArePrefixedByTheirLevel() {
            assertThat(plain("### Directives", 60)).containsExactly("### Directives");
            assertThat(plain("#### Deeper", 60)).containsExactly("#### Deeper");
        }

        @Test
        void areBoldOnColour() {
            assertThat(colour("## A named thread", 60))
                    .containsExactly(ESC + "1mA named thread" + ESC + "0m", ESC + "2m──────────────" + ESC + "0m");
        }

        @Test
        void aLongHeadingWrapsAndIsUnderlinedAsWideAsItsLongestLine() {
            assertThat(plain("## Fixing the lost updates with a lock and then with atomic classes", 40))
                    .containsExactly(
                            "Fixing the lost updates with a lock and", "then with atomic classes", "─".repeat(39));
        }
    }

    @Nested
    class Paragraphs {
        private static final String TEXT = """
                A lock lets only one thread at a time run a piece of code. `lock.lock()` waits until no other
                thread holds the lock, then takes it; `lock.unlock()` gives it back.""";

        @Test
        void wrapAtFortyColumns() {
            assertThat(plain(TEXT, 40))
                    .containsExactly(
                            "A lock lets only one thread at a time",
                            "run a piece of code. `lock.lock()` waits",
                            "until no other thread holds the lock,",
                            "then takes it; `lock.unlock()` gives it",
                            "back.");
        }

        @Test
        void wrapAtSixtyColumns() {
            assertThat(plain(TEXT, 60))
                    .containsExactly(
                            "A lock lets only one thread at a time run a piece of code.",
                            "`lock.lock()` waits until no other thread holds the lock,",
                            "then takes it; `lock.unlock()` gives it back.");
        }

        @Test
        void neverSplitAWordThatFitsOnALine() {
            List<String> words = List.of(TEXT.split("\\s+"));
            for (int width = 40; width <= 100; width++) {
                List<String> shown = new ArrayList<>();
                plain(TEXT, width).forEach(line -> shown.addAll(List.of(line.split(" "))));
                assertThat(shown).as("width %d", width).isEqualTo(words);
            }
        }

        @Test
        void aWordLongerThanTheLineIsCutIntoPiecesThatFit() {
            String word = "x".repeat(95);
            assertThat(plain("see " + word + " here", 40))
                    .containsExactly("see", "x".repeat(40), "x".repeat(40), "x".repeat(15) + " here");
        }

        @Test
        void blankLinesSeparateParagraphs() {
            assertThat(plain("one\ntwo\n\nthree", 60)).containsExactly("one two", "", "three");
        }

        @Test
        void aHardBreakStartsANewLine() {
            assertThat(plain("first\\\nsecond", 60)).containsExactly("first", "second");
        }

        @Test
        void nothingRendersAsNoLines() {
            assertThat(plain("", 60)).isEmpty();
            assertThat(plain("\n\n", 60)).isEmpty();
        }
    }

    @Nested
    class Inline {
        @Test
        void emphasisIsJustTheWordsOnPlain() {
            assertThat(plain("a *race condition* and **never** _this_", 60))
                    .containsExactly("a race condition and never this");
        }

        @Test
        void emphasisIsItalicAndStrongIsBoldOnColour() {
            assertThat(colour("a *race condition* and **never**", 60))
                    .containsExactly("a " + ESC + "3mrace condition" + ESC + "0m and " + ESC + "1mnever" + ESC + "0m");
        }

        @Test
        void codeKeepsItsBackticksOnPlain() {
            assertThat(plain("call `join()` now", 60)).containsExactly("call `join()` now");
            assertThat(plain("a ``x`y`` tick", 60)).containsExactly("a `` x`y `` tick");
        }

        @Test
        void codeIsColouredWithoutBackticksOnColour() {
            assertThat(colour("call `join()`: now", 60)).containsExactly("call " + ESC + "36mjoin()" + ESC + "0m: now");
        }

        @Test
        void codeAndThePunctuationAfterItStayTogether() {
            assertThat(plain("x".repeat(30) + " `join()`: waits", 40))
                    .containsExactly("x".repeat(30) + " `join()`:", "waits");
            assertThat(plain("x".repeat(31) + " `join()`: waits", 40))
                    .containsExactly("x".repeat(31), "`join()`: waits");
        }

        @Test
        void linksShowTheirAddressInParentheses() {
            assertThat(plain("see [the docs](https://docs.oracle.com/x) now", 60))
                    .containsExactly("see the docs (https://docs.oracle.com/x) now");
        }

        @Test
        void anAutolinkShowsItsAddressOnce() {
            assertThat(plain("see <https://openjdk.org/jeps/444> and <duke@example.com>", 60))
                    .containsExactly("see https://openjdk.org/jeps/444 and duke@example.com");
        }

        @Test
        void linksAreUnderlinedWithTheAddressDimOnColour() {
            assertThat(colour("see [the docs](https://x.org)", 60))
                    .containsExactly(
                            "see " + ESC + "4mthe docs" + ESC + "0m" + ESC + "2m (https://x.org)" + ESC + "0m");
        }

        @Test
        void stylesNestAndCombine() {
            assertThat(colour("**bold `code`**", 60))
                    .containsExactly(ESC + "1mbold " + ESC + "0m" + ESC + "1;36mcode" + ESC + "0m");
        }
    }

    @Nested
    class Lists {
        @Test
        void bulletItemsHangTheirTextAfterTheMarker() {
            assertThat(plain("""
                    - **Virtual threads** (Java 21). When a virtual thread blocks, its carrier runs another one.
                    - `CompletableFuture`: a value that will be there later.
                    """, 40))
                    .containsExactly(
                            "• Virtual threads (Java 21). When a",
                            "  virtual thread blocks, its carrier",
                            "  runs another one.",
                            "• `CompletableFuture`: a value that will",
                            "  be there later.");
        }

        @Test
        void orderedItemsAlignTheirNumbers() {
            StringBuilder items = new StringBuilder();
            for (int i = 1; i <= 10; i++) {
                items.append(i).append(". item ").append(i).append('\n');
            }
            List<String> lines = plain(items.toString(), 40);
            assertThat(lines).startsWith(" 1. item 1", " 2. item 2").endsWith(" 9. item 9", "10. item 10");
        }

        @Test
        void orderedListsStartWhereTheLessonSays() {
            assertThat(plain("3) three\n4) four", 40)).containsExactly("3) three", "4) four");
        }

        @Test
        void orderedItemsHangTheirText() {
            assertThat(plain("1. **One thread with blocking calls.** The accept loop calls `serve()` itself.", 40))
                    .containsExactly(
                            "1. One thread with blocking calls. The", "   accept loop calls `serve()` itself.");
        }

        @Test
        void looseListsKeepABlankLineBetweenItems() {
            assertThat(plain("- one\n\n- two", 40)).containsExactly("• one", "", "• two");
        }

        @Test
        void nestedListsIndentUnderTheirItem() {
            assertThat(plain("- outer\n  - inner one\n  - inner two\n- last", 40))
                    .containsExactly("• outer", "  • inner one", "  • inner two", "• last");
        }
    }

    @Nested
    class Quotes {
        @Test
        void getABarBeforeEveryLine() {
            assertThat(plain("> A *quoted* remark that goes on long enough to be wrapped.\n>\n> Second.", 40))
                    .containsExactly(
                            "│ A quoted remark that goes on long", "│ enough to be wrapped.", "│", "│ Second.");
        }

        @Test
        void theBarIsDimOnColour() {
            assertThat(colour("> quoted", 40)).containsExactly(ESC + "2m│" + ESC + "0m quoted");
        }
    }

    @Nested
    class CodeBlocks {
        private static final String SNIPPET = """
                ```java snippet
                long current = balance;   // 1. read
                balance = current;        // 3. write back
                ```
                """;

        @Test
        void areIndentedAndNotWrapped() {
            assertThat(plain(SNIPPET, 60))
                    .containsExactly(
                            "    long current = balance;   // 1. read",
                            "    balance = current;        // 3. write back");
        }

        @Test
        void longLinesAreCutNotWrapped() {
            assertThat(plain(SNIPPET, 40))
                    .containsExactly(
                            "    long current = balance;   // 1. read", "    balance = current;        // 3. wri…");
        }

        @Test
        void javaIsHighlightedOnColourWithoutLineNumbers() {
            List<String> lines = colour(SNIPPET, 60);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0))
                    .startsWith("    ")
                    .containsPattern("\u001b\\[[0-9;]*mlong\u001b\\[0m")
                    .doesNotContain("│");
            assertThat(AttributedString.stripAnsi(lines.get(0))).isEqualTo("    long current = balance;   // 1. read");
        }

        @Test
        void otherLanguagesAreShownAsWritten() {
            assertThat(colour("```\nlong x = 1;\n```", 60)).containsExactly("    long x = 1;");
            assertThat(colour("```expected\nthread main ended.\n```", 60)).containsExactly("    thread main ended.");
        }

        @Test
        void blankLinesInsideStayEmpty() {
            assertThat(plain("```\na\n\nb\n```", 60)).containsExactly("    a", "", "    b");
        }

        @Test
        void indentedCodeBlocksToo() {
            assertThat(plain("text\n\n    int x;\n", 60)).containsExactly("text", "", "    int x;");
        }
    }

    @Test
    void aThematicBreakSpansTheWidth() {
        assertThat(plain("one\n\n---\n\ntwo", 40)).containsExactly("one", "", "─".repeat(40), "", "two");
    }

    @Nested
    class Html {
        @Test
        void directivesNeverShow() {
            assertThat(plain("""
                    Watch the counts.

                    <!-- concur: example=threads/LoopThread.java timeout=15s -->

                    Then look again.
                    """, 60)).containsExactly("Watch the counts.", "", "Then look again.");
        }

        @Test
        void aDirectiveRightAfterAParagraphDoesNotShowEither() {
            assertThat(plain("Watch the counts.\n<!-- concur: timeout=15s -->\nThen look.", 60))
                    .containsExactly("Watch the counts.", "", "Then look.");
        }

        @Test
        void inlineCommentsAndTagsAreDropped() {
            assertThat(plain("Watch <!-- concur: timeout=1s --> the <b>counts</b>.", 60))
                    .containsExactly("Watch the counts.");
        }

        @Test
        void htmlBlocksAreDropped() {
            assertThat(plain("<details>\n<summary>x</summary>\n</details>\n\nafter", 60))
                    .containsExactly("after");
        }

        @Test
        void frontMatterIsDropped() {
            assertThat(plain("---\ntitle: Threads\n---\nIntro.", 60)).containsExactly("Intro.");
        }
    }

    /** The first step of lessons/threads.md as written, heading to Python note, at 60 columns. */
    @Test
    void goldenFirstStepOfTheThreadsLesson() {
        String step = """
                ## A named thread

                `Thread.ofPlatform().name("LoopThread").start(task)` creates an operating-system thread, gives
                it a name and starts it running `task`. Meanwhile `main` carries on, and `loop.join()` makes it
                wait until the other thread has finished.

                Watch the counts arrive one by one, 0.4 s apart (the chapter paused a full second), and notice
                that `thread main ended.` comes last: `join()` held `main` back until `LoopThread` was done.
                Every line says which thread printed it, via `Thread.currentThread().getName()`.

                <!-- concur: example=threads/LoopThread.java timeout=15s -->

                ```expected
                thread main is running...
                thread LoopThread is running...
                thread LoopThread >>> 1
                thread main ended.
                :: total >= 1.8s
                ```

                > Hint: Imagine the `loop.join()` line deleted. Which line could then appear before the counting,
                > and why would the program still wait for `LoopThread` before exiting?
                > (A Java program ends when its last non-daemon thread ends, not when `main` returns.)

                > Python: `threading.Thread(target=loop, name='LoopThread')` plus `t.start()` is
                > `Thread.ofPlatform().name("LoopThread").start(...)` in one call, and `t.join()` is the same in
                > both languages. Python calls the first thread `MainThread`; Java calls it `main`.
                """;

        assertThat(String.join("\n", plain(step, 60))).isEqualTo("""
                A named thread
                ──────────────

                `Thread.ofPlatform().name("LoopThread").start(task)` creates
                an operating-system thread, gives it a name and starts it
                running `task`. Meanwhile `main` carries on, and
                `loop.join()` makes it wait until the other thread has
                finished.

                Watch the counts arrive one by one, 0.4 s apart (the chapter
                paused a full second), and notice that `thread main ended.`
                comes last: `join()` held `main` back until `LoopThread` was
                done. Every line says which thread printed it, via
                `Thread.currentThread().getName()`.

                    thread main is running...
                    thread LoopThread is running...
                    thread LoopThread >>> 1
                    thread main ended.
                    :: total >= 1.8s

                │ Hint: Imagine the `loop.join()` line deleted. Which line
                │ could then appear before the counting, and why would the
                │ program still wait for `LoopThread` before exiting? (A
                │ Java program ends when its last non-daemon thread ends,
                │ not when `main` returns.)

                │ Python: `threading.Thread(target=loop, name='LoopThread')`
                │ plus `t.start()` is
                │ `Thread.ofPlatform().name("LoopThread").start(...)` in one
                │ call, and `t.join()` is the same in both languages. Python
                │ calls the first thread `MainThread`; Java calls it `main`.""");
    }

    @Nested
    class EveryLesson {
        static Stream<Path> lessons() throws IOException {
            try (Stream<Path> files = Files.list(Path.of("lessons"))) {
                return files
                        .filter(p -> p.toString().endsWith(".md") && !p.endsWith("README.md"))
                        .sorted()
                        .toList()
                        .stream();
            }
        }

        @ParameterizedTest(name = "width {0}")
        @ValueSource(ints = {40, 41, 47, 60, 79, 80, 120})
        void plainNeverExceedsTheWidthAndHasNoEscapes(int width) throws IOException {
            for (Path lesson : lessons().toList()) {
                List<String> lines = plain(Files.readString(lesson), width);
                assertThat(lines).as("%s", lesson).isNotEmpty().allSatisfy(line -> {
                    assertThat(columns(line)).as("%s: %s", lesson, line).isLessThanOrEqualTo(width);
                    assertThat(line)
                            .doesNotContain("\u001b")
                            .doesNotEndWith(" ")
                            .doesNotContain("concur:");
                });
            }
        }

        @ParameterizedTest(name = "width {0}")
        @ValueSource(ints = {40, 60, 80})
        void colourNeverExceedsTheWidthEither(int width) throws IOException {
            for (Path lesson : lessons().toList()) {
                assertThat(colour(Files.readString(lesson), width))
                        .as("%s", lesson)
                        .allSatisfy(line -> assertThat(columns(line)).as(line).isLessThanOrEqualTo(width));
            }
        }

        @Test
        void plainRenderingIsStable() throws IOException {
            for (Path lesson : lessons().toList()) {
                String text = Files.readString(lesson);
                assertThat(plain(text, 60)).isEqualTo(plain(text, 60));
            }
        }
    }
}
