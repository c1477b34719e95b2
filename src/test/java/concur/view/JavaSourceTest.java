package concur.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class JavaSourceTest {
    private static final Screen PLAIN = new Screen(false, false, 80);
    private static final Screen COLOUR = new Screen(true, true, 80);
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private static String numbered(int lines) {
        return IntStream.rangeClosed(1, lines)
                .mapToObj(i -> "int x" + i + " = " + i + ";")
                .collect(Collectors.joining("\n"));
    }

    /** Whether {@code word} is wrapped in an escape sequence of its own in {@code line}. */
    private static boolean styled(String line, String word) {
        return line.matches(".*\u001b\\[[0-9;]*m" + word + "\u001b\\[0m.*");
    }

    @Test
    void nineLinesGetAOneDigitGutter() {
        List<String> lines = JavaSource.render(numbered(9), PLAIN);
        assertThat(lines).hasSize(9).startsWith(" 1 │ int x1 = 1;").endsWith(" 9 │ int x9 = 9;");
    }

    @Test
    void tenLinesOrMoreRightAlignTheNumbers() {
        List<String> lines = JavaSource.render(numbered(10), PLAIN);
        assertThat(lines).hasSize(10).startsWith("  1 │ int x1 = 1;").endsWith(" 10 │ int x10 = 10;");
        assertThat(JavaSource.render(numbered(100), PLAIN).get(99)).isEqualTo(" 100 │ int x100 = 100;");
    }

    @Test
    void blankLinesKeepTheirNumberWithoutTrailingSpaces() {
        assertThat(JavaSource.render("a();\n\nb();\n", PLAIN)).containsExactly(" 1 │ a();", " 2 │", " 3 │ b();");
    }

    @Test
    void plainOutputHasNoEscapeCodes() {
        String source = "public final class A {\n    // note\n    static final String S = \"s\";\n}";
        assertThat(JavaSource.render(source, PLAIN))
                .containsExactly(
                        " 1 │ public final class A {",
                        " 2 │     // note",
                        " 3 │     static final String S = \"s\";",
                        " 4 │ }");
    }

    @Test
    void colourHighlightsKeywordsLiteralsAndComments() {
        List<String> lines = JavaSource.render(
                "@Override public void run() { // go\n    String s = \"done\"; long n = 42; return; }", COLOUR);

        assertThat(lines.get(0)).startsWith(DIM + " 1 │ " + RESET);
        assertThat(styled(lines.get(0), "public")).isTrue();
        assertThat(styled(lines.get(0), "void")).isTrue();
        assertThat(styled(lines.get(0), "@Override")).isTrue();
        assertThat(styled(lines.get(0), "// go")).isTrue();
        assertThat(styled(lines.get(1), "\"done\"")).isTrue();
        assertThat(styled(lines.get(1), "42")).isTrue();
        assertThat(styled(lines.get(1), "return")).isTrue();
        assertThat(styled(lines.get(1), "String"))
                .as("a class name is not a keyword")
                .isFalse();
    }

    @Test
    void aBlockCommentCarriesOverLines() {
        List<String> lines = JavaSource.render("/* one\n   two */ int x;", COLOUR);
        assertThat(styled(lines.get(1), "   two \\*/")).isTrue();
        assertThat(styled(lines.get(1), "int")).isTrue();
    }

    @Test
    void slashesInsideAStringDoNotStartAComment() {
        String line = JavaSource.render("String base = \"http://127.0.0.1:\" + port; int n = 1; // note", COLOUR)
                .get(0);
        assertThat(styled(line, "\"http://127.0.0.1:\"")).isTrue();
        assertThat(styled(line, "int")).isTrue();
        assertThat(styled(line, "// note")).isTrue();
    }

    @Test
    void longLinesAreCutWithAnEllipsis() {
        String source = "System.out.println(\"" + "x".repeat(100) + "\");\nshort();";
        Screen narrow = new Screen(false, false, 40);
        List<String> lines = JavaSource.render(source, narrow);
        assertThat(lines.get(0))
                .hasSize(40)
                .startsWith(" 1 │ System.out.println(\"xxx")
                .endsWith("x…");
        assertThat(lines.get(1)).isEqualTo(" 2 │ short();");

        List<String> coloured = JavaSource.render(source, new Screen(true, true, 40));
        assertThat(AttributedString.stripAnsi(coloured.get(0))).isEqualTo(lines.get(0));
    }

    @Test
    void theListingWrapsALongLineUnderAnEmptyGutterInsteadOfCuttingIt() {
        String call = "System.out.println(\"" + "x".repeat(30) + "\");"; // 53 columns: two rows of 35
        Screen narrow = new Screen(false, false, 40);

        List<String> rows = JavaSource.listing(call + "\nshort();", narrow);

        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row.length()).isLessThanOrEqualTo(40));
        assertThat(rows.get(0)).startsWith(" 1 │ System.out.println(\"xxx");
        assertThat(rows.get(1)).startsWith("   │ xxx");
        assertThat(rows.get(2)).isEqualTo(" 2 │ short();");
        assertThat(rows.get(0).substring(5) + rows.get(1).substring(5)).isEqualTo(call);
        assertThat(String.join("", rows)).doesNotContain("…");

        List<String> coloured = JavaSource.listing(call, new Screen(true, true, 40));
        assertThat(coloured.stream().map(AttributedString::stripAnsi)).containsExactly(rows.get(0), rows.get(1));
    }

    @Test
    void tabsAreExpandedToFourColumns() {
        assertThat(JavaSource.render("\tint x;\n\t\ty();", PLAIN))
                .containsExactly(" 1 │     int x;", " 2 │         y();");
    }

    @Test
    void theNanorcResourceShipsBesideTheClass() {
        assertThat(JavaSource.class.getResource(JavaSource.NANORC)).isNotNull();
    }

    @Test
    void withoutTheNanorcResourceTheSourceIsShownPlainWithItsGutter() {
        List<String> lines = JavaSource.render("public class A {}", COLOUR, 80, true, "missing.nanorc");
        assertThat(lines).containsExactly(DIM + " 1 │ " + RESET + "public class A {}");
    }

    @Test
    void aSnippetHasNoGutter() {
        assertThat(JavaSource.snippet("int x;\ny();", PLAIN, 40)).containsExactly("int x;", "y();");
    }

    @Test
    void emptySourceHasNoLines() {
        assertThat(JavaSource.render("", PLAIN)).isEmpty();
    }

    @Test
    void everyLessonSourceFitsTheScreenAndKeepsItsText() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("lessons"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path file : sources) {
            String source = Files.readString(file);
            List<String> plain = JavaSource.render(source, new Screen(false, false, 60));
            List<String> colour = JavaSource.render(source, new Screen(true, true, 60));
            assertThat(plain)
                    .as("%s", file)
                    .hasSize((int) source.lines().count())
                    .allSatisfy(line -> {
                        assertThat(line).doesNotContain("\u001b");
                        assertThat(new AttributedString(line).columnLength()).isLessThanOrEqualTo(60);
                    });
            assertThat(colour.stream().map(AttributedString::stripAnsi).toList())
                    .as("%s", file)
                    .isEqualTo(plain);
        }
    }
}
