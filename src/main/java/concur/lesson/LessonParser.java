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
    /** A level-2 heading that starts with this starts an exercise rather than a step. */
    static final String EXERCISE = "Exercise:";

    /**
     * Blocks only: the parser reads each part's Markdown from its source lines, and prose is parsed again
     * when it is drawn. Leaving out the inline parse (emphasis, links, code spans) saves a good part of
     * the lesson screen's start.
     */
    private final Parser markdown = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(context -> (lines, node) -> {})
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
        List<Exercise> exercises = new ArrayList<>();
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
                title = afterMarker(source(lines, node), "#");
                continue;
            }
            if (node instanceof Heading h && h.getLevel() == 2) {
                if (step != null) {
                    step.finish(steps, exercises, name);
                }
                String heading = afterMarker(source(lines, node), "##");
                boolean exercise = heading.startsWith(EXERCISE);
                if (!exercise && !exercises.isEmpty()) {
                    throw new LessonException(
                            file,
                            line,
                            "step \"" + heading
                                    + "\" comes after an exercise; a lesson's exercises follow all its steps");
                }
                step = exercise
                        ? new StepBuilder(
                                file,
                                exercises.size() + 1,
                                heading.substring(EXERCISE.length()).strip(),
                                line,
                                true)
                        : new StepBuilder(file, steps.size() + 1, heading, line, false);
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
            step.finish(steps, exercises, name);
        }
        if (steps.isEmpty()) {
            throw new LessonException(file, 0, "the lesson has no steps (each step starts with a \"## \" heading)");
        }
        return new Lesson(
                name, title != null ? title : name, file, intro.toString().strip(), steps, exercises);
    }

    private static boolean isRunnablePart(Node node) {
        if (node instanceof FencedCodeBlock code) {
            String kind = kind(code);
            return kind.equals("java") || kind.equals("expected");
        }
        return node instanceof HtmlBlock html
                && Directive.body(html.getLiteral()).isPresent();
    }

    /**
     * {@code java}, {@code java snippet}, {@code expected}, or whatever else the info string says, its words
     * one space apart.
     */
    private static String kind(FencedCodeBlock code) {
        String info = code.getInfo() == null ? "" : code.getInfo().strip();
        return String.join(" ", Directive.words(info));
    }

    /** A heading's text after its {@code #} marker (no regex: see {@link Directive#isSpace}). */
    private static String afterMarker(String heading, String marker) {
        return (heading.startsWith(marker) ? heading.substring(marker.length()) : heading).strip();
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
        private final List<Variant> variants = new ArrayList<>();
        private Example example;
        private int exampleLine;
        private Expectation expectation;
        private String pythonNote;
        private Duration timeout;
        private List<String> javaOptions = List.of();
        private List<String> args = List.of();
        private final boolean exercise;
        private String name;
        private Path start;
        private Path solution;
        private Exercise.Check check;
        private int schedules = Exercise.DEFAULT_SCHEDULES;
        private int stressRuns = Exercise.DEFAULT_STRESS_RUNS;

        StepBuilder(Path file, int number, String title, int line, boolean exercise) {
            this.file = file;
            this.number = number;
            this.title = title;
            this.line = line;
            this.exercise = exercise;
        }

        void finish(List<Step> steps, List<Exercise> exercises, String lesson) throws LessonException {
            if (exercise) {
                Exercise built = buildExercise(lesson);
                for (Exercise other : exercises) {
                    if (other.name().equals(built.name())) {
                        throw new LessonException(
                                file, line, "exercise name " + built.name() + " is taken by line " + other.line());
                    }
                }
                exercises.add(built);
            } else {
                steps.add(build());
            }
        }

        private String what() {
            return (exercise ? "exercise \"" : "step \"") + title + "\"";
        }

        void add(Node node, int at, String source) throws LessonException {
            // if/else, not a pattern switch: a cold JVM spins a class for the first one it meets, some 5 ms.
            String kind = node instanceof FencedCodeBlock code ? kind(code) : "";
            Optional<String> directive =
                    node instanceof HtmlBlock html ? Directive.body(html.getLiteral()) : Optional.empty();
            if (kind.equals("java") && exercise) {
                throw new LessonException(
                        file,
                        at,
                        "an exercise's code lives in a file the learner edits: name it with exercise=PATH,"
                                + " and show other code with ```java snippet");
            } else if (kind.equals("java")) {
                setExample(inline(((FencedCodeBlock) node).getLiteral(), at + 1), at);
                append(text, source);
            } else if (kind.equals("expected")) {
                expected((FencedCodeBlock) node, at);
            } else if (directive.isPresent()) {
                directive(directive.get(), at);
            } else if (node instanceof BlockQuote) {
                quote(source, at);
            } else {
                append(text, source);
            }
        }

        private void expected(FencedCodeBlock code, int at) throws LessonException {
            if (expectation != null) {
                throw new LessonException(file, at, what() + " has a second expected block");
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
            java.util.Set<String> allowed = exercise ? Directive.EXERCISE_KEYS : Directive.STEP_KEYS;
            for (String key : directive.values().keySet()) {
                if (!allowed.contains(key)) {
                    throw new LessonException(
                            file,
                            at,
                            "directive '" + key + "' belongs in " + (exercise ? "a step" : "an exercise") + ", not in "
                                    + what() + " (here: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
                }
            }
            variant(directive, at, java.util.OptionalInt.empty());
            for (var entry : directive.values().entrySet()) {
                String value = entry.getValue();
                switch (entry.getKey()) {
                    case "variant", "removes" -> {
                        // read by variant(), above
                    }
                    case "example" -> setExample(fromFile(value, at), at);
                    case "name" -> name = exerciseName(value, at);
                    case "exercise" -> {
                        setExample(fromFile(value, at), at);
                        start = example.file();
                    }
                    case "solution" -> {
                        solution = fromFile(value, at).file();
                    }
                    case "check" ->
                        check = switch (value) {
                            case "explore" -> Exercise.Check.EXPLORE;
                            case "run" -> Exercise.Check.RUN;
                            default ->
                                throw new LessonException(
                                        file,
                                        at,
                                        "check \"" + value
                                                + "\" is not one concur knows: write check=explore or check=run");
                        };
                    case "schedules" -> schedules = count("schedules", value, 1, 100_000, at);
                    case "stress-runs" -> stressRuns = count("stress-runs", value, 1, 100_000, at);
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

        /** A {@code variant=PATH removes="..."} pair, in a step's directive or at the end of one of its hints. */
        private void variant(Directive directive, int at, java.util.OptionalInt hint) throws LessonException {
            String path = directive.values().get("variant");
            String removes = directive.values().get("removes");
            if (path == null && removes == null) {
                return;
            }
            if (path == null || removes == null) {
                throw new LessonException(
                        file,
                        at,
                        "a variant needs both variant=PATH and removes=\"what it takes away\", as in"
                                + " variant=threads/variants/NoLock.java removes=\"the lock\"");
            }
            variants.add(new Variant(fromFile(path, at), removes, at, hint));
        }

        private String exerciseName(String value, int at) throws LessonException {
            if (!value.matches("[a-z0-9]+(-[a-z0-9]+)*") || value.length() > 60) {
                throw new LessonException(
                        file,
                        at,
                        "exercise name \"" + value
                                + "\" is not lowercase words joined by dashes, like lost-increments");
            }
            return value;
        }

        private int count(String key, String value, int least, int most, int at) throws LessonException {
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < least || n > most) {
                throw new LessonException(
                        file, at, key + "=" + value + " is not a whole number from " + least + " to " + most);
            }
            return n;
        }

        private void quote(String source, int at) throws LessonException {
            String plain = unquoted(source);
            if (plain.startsWith("Hint:")) {
                String hint = plain.substring("Hint:".length()).strip();
                java.util.regex.Matcher inline = Directive.INLINE.matcher(hint);
                if (inline.find()) {
                    hintVariant(inline.group(1), at);
                    hint = (hint.substring(0, inline.start()) + hint.substring(inline.end())).strip();
                }
                hints.add(hint);
            } else if (plain.startsWith("Python:")) {
                if (pythonNote != null) {
                    throw new LessonException(file, at, what() + " has a second Python note");
                }
                pythonNote = plain.substring("Python:".length()).strip();
            } else {
                append(text, source);
            }
        }

        /** A block quote's text without its {@code >} markers: each line's first, and one space after it. */
        private static String unquoted(String source) {
            StringBuilder plain = new StringBuilder(source.length());
            for (String line : source.split("\n", -1)) {
                int at = 0;
                while (at < line.length() && Directive.isSpace(line.charAt(at))) {
                    at++;
                }
                if (at < line.length() && line.charAt(at) == '>') {
                    at++;
                    if (at < line.length() && Directive.isSpace(line.charAt(at))) {
                        at++;
                    }
                } else {
                    at = 0;
                }
                if (!plain.isEmpty()) {
                    plain.append('\n');
                }
                plain.append(line, at, line.length());
            }
            return plain.toString().strip();
        }

        /** The experiment a hint suggests: a directive at its end, {@code variant=PATH removes="..."} only. */
        private void hintVariant(String body, int at) throws LessonException {
            List<String> problems = new ArrayList<>();
            Directive directive = Directive.parse(body, at, problems);
            if (!problems.isEmpty()) {
                throw new LessonException(file, at, problems.get(0));
            }
            for (String key : directive.values().keySet()) {
                if (!Directive.VARIANT_KEYS.contains(key)) {
                    throw new LessonException(
                            file, at, "a hint's directive holds only variant= and removes=, not " + key + "=");
                }
            }
            if (exercise) {
                throw new LessonException(
                        file, at, "an exercise's hints carry no variant: the learner's file is the experiment");
            }
            variant(directive, at, java.util.OptionalInt.of(hints.size()));
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

        Exercise buildExercise(String lesson) throws LessonException {
            if (name == null) {
                throw new LessonException(file, line, what() + " has no name: add name=... to its concur directive");
            }
            if (start == null) {
                throw new LessonException(
                        file, line, what() + " has no starting code: add exercise=PATH to its concur directive");
            }
            if (solution == null) {
                throw new LessonException(
                        file, line, what() + " has no reference solution: add solution=PATH to its concur directive");
            }
            if (!solution.getFileName().equals(start.getFileName()) || solution.equals(start)) {
                throw new LessonException(
                        file,
                        line,
                        what() + ": the solution must be another file of the same name as the starting code ("
                                + start.getFileName() + "), in another folder");
            }
            if (check == null) {
                throw new LessonException(
                        file, line, what() + " does not say how it is checked: add check=explore or check=run");
            }
            if (expectation == null) {
                throw new LessonException(file, line, what() + " has no ```expected block");
            }
            return new Exercise(
                    name,
                    lesson,
                    title,
                    line,
                    text.toString().strip(),
                    start,
                    solution,
                    example.className(),
                    check,
                    expectation,
                    Optional.ofNullable(timeout),
                    javaOptions,
                    args,
                    schedules,
                    stressRuns,
                    hints);
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
            if (example == null && !variants.isEmpty()) {
                throw new LessonException(
                        file, variants.get(0).line(), "step \"" + title + "\" has a variant but no example to vary");
            }
            return new Step(
                    number,
                    title,
                    line,
                    text.toString().strip(),
                    demo,
                    hints,
                    Optional.ofNullable(pythonNote),
                    variants);
        }
    }
}
