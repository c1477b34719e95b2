package concur.lesson;

import concur.check.Durations;
import concur.check.Expectation;
import concur.check.ExpectationException;
import concur.run.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** Reads a lesson file (Markdown, see {@code lessons/README.md}) into a {@link Lesson}. */
public final class LessonParser {
    private final Parser markdown = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    public Lesson parse(Path file) throws LessonException {
        String text = readLesson(file);
        List<String> lines = text.lines().toList();
        Node document = markdown.parse(text);
        String name = Catalog.nameOf(file);

        YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
        document.accept(frontMatter);
        String title = first(frontMatter.getData().get("title")).orElse(null);

        StringBuilder intro = new StringBuilder();
        List<Step> steps = new ArrayList<>();
        StepBuilder step = null;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            int line = firstLine(node);
            if (node instanceof YamlFrontMatterBlock) {
                continue;
            }
            if (node instanceof FencedCodeBlock code && code.getClosingFenceLength() == null) {
                throw new LessonException(file, line, "this ``` block is never closed");
            }
            if (node instanceof Heading h && h.getLevel() == 1 && step == null && title == null) {
                title = source(lines, node).replaceFirst("^#\\s*", "").strip();
                continue;
            }
            if (node instanceof Heading h && h.getLevel() == 2) {
                if (step != null) {
                    steps.add(step.build());
                }
                step = new StepBuilder(
                        file,
                        steps.size() + 1,
                        source(lines, node).replaceFirst("^##\\s*", "").strip(),
                        line);
                continue;
            }
            if (step == null) {
                if (isRunnablePart(node)) {
                    throw new LessonException(
                            file,
                            line,
                            "examples, expected blocks and directives belong in a step; start one with a \"## \" heading");
                }
                append(intro, source(lines, node));
                continue;
            }
            step.add(node, line, source(lines, node));
        }
        if (step != null) {
            steps.add(step.build());
        }
        if (steps.isEmpty()) {
            throw new LessonException(file, 0, "the lesson has no steps (each step starts with a \"## \" heading)");
        }
        return new Lesson(
                name, title != null ? title : name, file, intro.toString().strip(), steps);
    }

    private static boolean isRunnablePart(Node node) {
        if (node instanceof FencedCodeBlock code) {
            String kind = kind(code);
            return kind.equals("java") || kind.equals("expected");
        }
        return node instanceof HtmlBlock html
                && Directive.body(html.getLiteral()).isPresent();
    }

    /** {@code java}, {@code java snippet}, {@code expected}, or whatever else the info string says. */
    private static String kind(FencedCodeBlock code) {
        String info = code.getInfo() == null ? "" : code.getInfo().strip();
        return String.join(" ", info.split("\\s+"));
    }

    private static Optional<String> first(List<String> values) {
        return values == null || values.isEmpty()
                ? Optional.empty()
                : Optional.of(values.get(0).strip());
    }

    private static String readLesson(Path file) throws LessonException {
        try {
            return TextFile.read(file);
        } catch (TextFile.Unreadable e) {
            throw new LessonException(file, e.line(), "cannot read this lesson: " + e.problem());
        }
    }

    /** An example's text; a problem with the file as a whole is the directive's, one inside it is the file's own. */
    private static String readExample(Path source, Path lesson, int directiveLine) throws LessonException {
        try {
            return TextFile.read(source);
        } catch (TextFile.Unreadable e) {
            if (e.missing()) {
                throw new LessonException(
                        lesson,
                        directiveLine,
                        "file " + DisplayPath.of(source) + " does not exist"
                                + (Files.isSymbolicLink(source) ? " (it is a dangling link)" : ""));
            }
            if (e.line() > 0) {
                throw new LessonException(source, e.line(), "cannot read this example: " + e.problem());
            }
            throw new LessonException(
                    lesson, directiveLine, "cannot read " + DisplayPath.of(source) + ": " + e.problem());
        }
    }

    private static int firstLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }

    /** The node's Markdown exactly as written, so prose keeps its formatting for rendering. */
    private static String source(List<String> lines, Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return "";
        }
        int from = spans.get(0).getLineIndex();
        int to = spans.get(spans.size() - 1).getLineIndex();
        return String.join("\n", lines.subList(from, Math.min(to + 1, lines.size())));
    }

    private static void append(StringBuilder text, String block) {
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        text.append(block);
    }

    /** Collects one step's parts and checks they fit together. */
    private static final class StepBuilder {
        private final Path file;
        private final int number;
        private final String title;
        private final int line;
        private final StringBuilder text = new StringBuilder();
        private final List<String> hints = new ArrayList<>();
        private Example example;
        private int exampleLine;
        private Expectation expectation;
        private String pythonNote;
        private Duration timeout;
        private List<String> javaOptions = List.of();
        private List<String> args = List.of();

        StepBuilder(Path file, int number, String title, int line) {
            this.file = file;
            this.number = number;
            this.title = title;
            this.line = line;
        }

        void add(Node node, int at, String source) throws LessonException {
            switch (node) {
                case FencedCodeBlock code
                when kind(code).equals("java") -> {
                    setExample(inline(code.getLiteral(), at + 1), at);
                    append(text, source);
                }
                case FencedCodeBlock code when kind(code).equals("expected") -> expected(code, at);
                case HtmlBlock html
                when Directive.body(html.getLiteral()).isPresent() ->
                    directive(Directive.body(html.getLiteral()).orElseThrow(), at);
                case BlockQuote quote -> quote(source, at);
                default -> append(text, source);
            }
        }

        private void expected(FencedCodeBlock code, int at) throws LessonException {
            if (expectation != null) {
                throw new LessonException(file, at, "step \"" + title + "\" has a second expected block");
            }
            try {
                expectation = Expectation.parse(code.getLiteral().lines().toList(), at + 1);
            } catch (ExpectationException e) {
                throw new LessonException(file, e.line(), e.problem());
            }
        }

        private void directive(String body, int at) throws LessonException {
            List<String> problems = new ArrayList<>();
            Directive directive = Directive.parse(body, at, problems);
            if (!problems.isEmpty()) {
                throw new LessonException(file, at, problems.get(0));
            }
            for (var entry : directive.values().entrySet()) {
                String value = entry.getValue();
                switch (entry.getKey()) {
                    case "example" -> setExample(fromFile(value, at), at);
                    case "timeout" -> {
                        Optional<String> problem = Demo.timeoutProblem(value);
                        if (problem.isPresent()) {
                            throw new LessonException(file, at, "timeout \"" + value + "\" " + problem.get());
                        }
                        timeout = Durations.parse(value).orElseThrow();
                    }
                    case "java-options" -> javaOptions = Directive.words(value);
                    case "args" -> args = Directive.words(value);
                    default ->
                        throw new IllegalStateException("Directive.KEYS and this switch disagree: " + entry.getKey());
                }
            }
        }

        private void quote(String source, int at) throws LessonException {
            String plain = source.lines()
                    .map(l -> l.replaceFirst("^\\s*>\\s?", ""))
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse("")
                    .strip();
            if (plain.startsWith("Hint:")) {
                hints.add(plain.substring("Hint:".length()).strip());
            } else if (plain.startsWith("Python:")) {
                if (pythonNote != null) {
                    throw new LessonException(file, at, "step \"" + title + "\" has a second Python note");
                }
                pythonNote = plain.substring("Python:".length()).strip();
            } else {
                append(text, source);
            }
        }

        private void setExample(Example found, int at) throws LessonException {
            if (example != null) {
                throw new LessonException(
                        file,
                        at,
                        "step \"" + title + "\" already has an example (line " + exampleLine
                                + "); show other code with ```java snippet");
            }
            example = found;
            exampleLine = at;
        }

        private Example inline(String code, int firstLine) throws LessonException {
            JavaOutline outline = JavaOutline.of(code);
            JavaOutline.Type type = outline.mainType(Optional.empty())
                    .orElseThrow(
                            () -> new LessonException(file, firstLine - 1, "the java block declares no class to run"));
            if (outline.types().stream().noneMatch(JavaOutline.Type::hasMain)) {
                throw new LessonException(
                        file,
                        firstLine - 1,
                        "the java block declares no main method: give " + type.name()
                                + " a public static void main(String[] args)");
            }
            return new Example(outline.qualified(type), code, file, firstLine);
        }

        private Example fromFile(String relative, int at) throws LessonException {
            if (!relative.endsWith(".java")) {
                throw new LessonException(file, at, "example " + relative + " is not a .java file");
            }
            Path source = ExamplePath.resolve(file, relative, at);
            String code = readExample(source, file, at);
            String fileName = source.getFileName().toString();
            String simpleName = fileName.substring(0, fileName.length() - ".java".length());
            JavaOutline outline = JavaOutline.of(code);
            JavaOutline.Type type = outline.mainType(Optional.of(simpleName))
                    .orElseThrow(() -> new LessonException(source, 1, "the example declares no class to run"));
            if (outline.types().stream().noneMatch(JavaOutline.Type::hasMain)) {
                throw new LessonException(
                        file,
                        at,
                        "example " + relative + " declares no main method: give " + type.name()
                                + " a public static void main(String[] args)");
            }
            return new Example(outline.qualified(type), code, source, 1);
        }

        Step build() throws LessonException {
            if (example != null && expectation == null) {
                throw new LessonException(file, line, "step \"" + title + "\" has an example but no ```expected block");
            }
            if (example == null && expectation != null) {
                throw new LessonException(
                        file, line, "step \"" + title + "\" has an expected block but no example to run");
            }
            Optional<Demo> demo = example == null
                    ? Optional.empty()
                    : Optional.of(new Demo(example, expectation, Optional.ofNullable(timeout), javaOptions, args));
            return new Step(number, title, line, text.toString().strip(), demo, hints, Optional.ofNullable(pythonNote));
        }
    }
}
