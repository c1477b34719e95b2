package concur.check;

import concur.check.Element.Elapsed;
import concur.check.Element.Ellipsis;
import concur.check.Element.ExpectedLine;
import concur.check.Element.Line;
import concur.check.Element.PerThread;
import concur.check.Element.ThreadLine;
import concur.check.Element.Unordered;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an expected block, line by line; see "Expected output" in lessons/README.md. */
final class ExpectationParser {
    private static final Pattern LABELLED = Pattern.compile("\\[([^\\]]*)\\] ?(.*)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\w+");
    /** Pairing output lines with an unordered block's lines tracks the used ones in a {@code long}. */
    private static final int MAX_UNORDERED = 64;

    /** A {@code :: total} bound and its line. */
    record Total(TimeBound bound, int line) {}

    /** The exit code the example must end with; {@code line} is 0 for the default. */
    record Exit(int code, int line) {}

    /** A block between {@code :: unordered} or {@code :: per-thread} and {@code :: end}, while it is read. */
    private record OpenBlock(String kind, int line, List<Line> lines, List<String> labels) {}

    private final int firstLine;
    private final List<Element> elements = new ArrayList<>();
    private final List<Total> totals = new ArrayList<>();
    private final List<String> display = new ArrayList<>();
    private Exit exit = new Exit(0, 0);
    private OpenBlock open;
    /**
     * An {@code :: elapsed} bound in words, for the line after it when that line stands alone (in a block, the line
     * written first need not be the one printed first; at the bottom, the verdict says it).
     */
    private String elapsedWords = "";

    ExpectationParser(int firstLine) {
        this.firstLine = firstLine;
    }

    Expectation parse(List<String> lines) throws ExpectationException {
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).stripTrailing();
            int line = firstLine + i;
            if (text.startsWith("::")) {
                directive(text.substring(2).strip(), line);
            } else {
                display.add(text);
                content(text, line);
            }
        }
        if (open != null) {
            throw new ExpectationException(
                    open.line(), ":: %s block is never closed with :: end".formatted(open.kind()));
        }
        return new Expectation(elements, totals, exit, display, firstLine + lines.size() - 1);
    }

    private void directive(String directive, int line) throws ExpectationException {
        String[] words = directive.split("\\s+", 2);
        String keyword = words[0];
        String argument = words.length > 1 ? words[1] : "";
        switch (keyword) {
            case "unordered", "per-thread" -> {
                noArgument(keyword, argument, line);
                if (open != null) {
                    throw new ExpectationException(
                            line,
                            "blocks do not nest: :: %s inside the :: %s block of line %d"
                                    .formatted(keyword, open.kind(), open.line()));
                }
                open = new OpenBlock(keyword, line, new ArrayList<>(), new ArrayList<>());
            }
            case "end" -> {
                noArgument(keyword, argument, line);
                if (open == null) {
                    throw new ExpectationException(line, ":: end without an open block");
                }
                elements.add(close(line));
                open = null;
            }
            case "elapsed" -> {
                if (open != null) {
                    throw new ExpectationException(line, ":: elapsed inside a block: put it before or after the block");
                }
                TimeBound bound = TimeBound.parse(argument, keyword, line);
                elements.add(new Elapsed(bound, line));
                elapsedWords = ExpectedWords.elapsedBefore(bound, display.isEmpty());
            }
            case "total" -> totals.add(new Total(TimeBound.parse(argument, keyword, line), line));
            case "exit" -> {
                if (!argument.matches("-?\\d{1,9}")) {
                    throw new ExpectationException(line, ":: exit needs an integer, e.g. :: exit 3");
                }
                if (exit.line() != 0) {
                    throw new ExpectationException(
                            line, "a second :: exit (the first is on line %d)".formatted(exit.line()));
                }
                exit = new Exit(Integer.parseInt(argument), line);
            }
            default ->
                throw new ExpectationException(
                        line,
                        "unknown directive \":: %s\" (known: unordered, per-thread, end, elapsed, total, exit)"
                                .formatted(keyword));
        }
    }

    private void content(String text, int line) throws ExpectationException {
        if (text.equals("...")) {
            if (open != null) {
                throw new ExpectationException(
                        line, "... inside a block: a block matches exactly as many lines as it has");
            }
            // "..." twice in a row means what it means once; one element keeps the search from trying every split
            // between them.
            if (elements.isEmpty() || !(elements.get(elements.size() - 1) instanceof Ellipsis)) {
                elements.add(new Ellipsis(new ExpectedLine(text, line, elapsed() + ExpectedWords.line(text))));
            }
        } else if (open == null) {
            elements.add(new Line(
                    new ExpectedLine(text, line, elapsed() + ExpectedWords.line(text)),
                    LinePattern.compile(text, line)));
        } else if (open.kind().equals("unordered")) {
            elapsed();
            open.lines()
                    .add(new Line(
                            new ExpectedLine(text, line, ExpectedWords.unorderedLine(text)),
                            LinePattern.compile(text, line)));
        } else {
            elapsed();
            threadLine(text, line);
        }
    }

    /** The words of a pending {@code :: elapsed}, once: for the line read now. */
    private String elapsed() {
        String words = elapsedWords;
        elapsedWords = "";
        return words;
    }

    /** Reads {@code [writer] put A}: the label, then (after one optional space) the line's pattern. */
    private void threadLine(String text, int line) throws ExpectationException {
        Matcher m = LABELLED.matcher(text);
        if (!m.matches() || m.group(1).isEmpty()) {
            throw new ExpectationException(line, "a line of a :: per-thread block starts with [thread] or [$variable]");
        }
        String label = m.group(1);
        if (label.startsWith("$") && !VARIABLE.matcher(label).matches()) {
            throw new ExpectationException(
                    line, "bad thread variable [%s]: write $ and a name, e.g. [$a]".formatted(label));
        }
        open.labels().add(label);
        open.lines()
                .add(new Line(
                        new ExpectedLine(text, line, ExpectedWords.threadLine(label, m.group(2))),
                        LinePattern.compile(m.group(2), line)));
    }

    private Element close(int end) throws ExpectationException {
        if (open.kind().equals("unordered")) {
            if (open.lines().size() > MAX_UNORDERED) {
                throw new ExpectationException(
                        open.line(), "an unordered block may have at most %d lines".formatted(MAX_UNORDERED));
            }
            return new Unordered(List.copyOf(open.lines()), open.line(), end);
        }
        List<ThreadLine> lines = new ArrayList<>();
        for (int i = 0; i < open.lines().size(); i++) {
            lines.add(new ThreadLine(open.labels().get(i), open.lines().get(i)));
        }
        return new PerThread(List.copyOf(lines), open.line(), end);
    }

    private static void noArgument(String keyword, String argument, int line) throws ExpectationException {
        if (!argument.isEmpty()) {
            throw new ExpectationException(line, "unexpected \"%s\" after :: %s".formatted(argument, keyword));
        }
    }
}
