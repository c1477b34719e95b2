package concur.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One expected line compiled to a regular expression: literal text and placeholders such as
 * {@code {int}}, {@code {pid:parent}}, {@code {num >= 1.3}} or {@code {/a+b/}}.
 * Each placeholder becomes a named group, so that captures and bounds can be checked after the match.
 */
final class LinePattern {
    private static final Map<String, String> KINDS = Map.of(
            "int", "-?\\d+",
            "num", "-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?",
            "pid", "\\d+",
            "thread", "\\S+",
            "word", "\\S+",
            "any", ".*");
    private static final Pattern NAMED = Pattern.compile("(\\w+)(?::(\\w+))?(?:\\s*(<=|>=|<|>|=)\\s*(.*))?");
    private static final Pattern SUFFIX = Pattern.compile("(?::(\\w+))?(.*)");

    /**
     * A placeholder of the line.
     *
     * @param written    as written, braces included, for messages
     * @param group      its group in the compiled regex
     * @param name       its capture name, or null
     * @param comparison its bound's operator, or null when it has no bound
     * @param bound      its bound's value, or null
     * @param boundText  its bound as written, for messages
     */
    /** @param written the placeholder as a learner reads it, in words ({@code «parent»}), for messages */
    private record Placeholder(
            String written, String group, String name, Comparison comparison, Decimal bound, String boundText) {}

    /** The outcome of matching one output line. */
    sealed interface Result {}

    /** The line matched; {@code bindings} include what it captured. */
    record Matched(Bindings bindings) implements Result {}

    /** The line did not match; {@code reason} is empty when its shape differs, else it names the placeholder at fault. */
    record Failed(Optional<String> reason) implements Result {}

    private final Pattern regex;
    /**
     * The regex with trailing white space allowed, for the raw text; compiled when first needed, as few lines
     * ever need it and a lesson's start would compile one for each of its expected lines.
     */
    private volatile Pattern loose;

    private final List<Placeholder> placeholders;
    /** The line as written, and its line in the lesson: for the message when matching it takes too long. */
    private final String text;

    private final int line;

    private LinePattern(Pattern regex, List<Placeholder> placeholders, String text, int line) {
        this.regex = regex;
        this.placeholders = placeholders;
        this.text = text;
        this.line = line;
    }

    /** The same line with every bound dropped ({@code {num >= 1.3}} as {@code {num}}), captures kept. */
    LinePattern withoutBounds() {
        List<Placeholder> free = placeholders.stream()
                .map(p -> new Placeholder(p.written(), p.group(), p.name(), p.comparison(), null, p.boundText()))
                .toList();
        return new LinePattern(regex, free, text, line);
    }

    /** Compiles {@code text}; {@code line} is its line in the lesson, for errors. */
    static LinePattern compile(String text, int line) throws ExpectationException {
        return new Compiler(text.stripTrailing(), line).compile();
    }

    /**
     * Matches an output line, trailing spaces ignored, given what earlier lines captured.
     *
     * @throws TooCostly when a regex of the line backtracks without end on this output
     */
    Result match(String text, Bindings bindings) {
        Matcher m = matched(text);
        if (m == null) {
            return new Failed(Optional.empty());
        }
        for (Placeholder p : placeholders) {
            String got = m.group(p.group());
            if (p.bound() != null) {
                Optional<Decimal> value = Decimal.parse(got);
                if (value.isEmpty() || !p.comparison().holds(value.get().compareTo(p.bound()))) {
                    return new Failed(Optional.of("got " + Quote.shortened(got) + ", but it must be " + p.comparison()
                            + " " + p.boundText()));
                }
            }
            if (p.name() != null) {
                Optional<String> earlier = bindings.get(p.name());
                if (earlier.isPresent() && !earlier.get().equals(got)) {
                    // Plain concatenation: a search may fail here many times, and formatting is slow.
                    return new Failed(Optional.of(
                            p.written() + " must be " + Quote.of(earlier.get()) + " again but got " + Quote.of(got)));
                }
                bindings = bindings.with(p.name(), got);
            }
        }
        return new Matched(bindings);
    }

    /**
     * Whether the line has this shape, whatever the captures and bounds say: for lining up a failed match.
     *
     * @throws TooCostly when a regex of the line backtracks without end on this output
     */
    boolean resembles(String text) {
        return matched(text) != null;
    }

    /** A matcher that matched {@code text} with its trailing spaces ignored, or null. */
    private Matcher matched(String text) {
        try {
            String stripped = text.stripTrailing();
            Matcher matcher = regex.matcher(new LimitedText(stripped));
            if (matcher.matches()) {
                return matcher;
            }
            if (stripped.length() == text.length()) {
                return null; // no trailing space to keep: the loose regex would say the same, at the same cost
            }
            // A placeholder at the end may match nothing, as in "value: {any}" against "value: ": keep the space it
            // needs.
            Matcher raw = loose().matcher(new LimitedText(text));
            return raw.matches() ? raw : null;
        } catch (LimitedText.Exhausted e) {
            throw new TooCostly(line, this.text, text);
        } catch (StackOverflowError e) {
            // Java's regex engine recurses once per repetition of some groups: a long line can exhaust the stack.
            throw new TooCostly(line, this.text, text);
        }
    }

    private Pattern loose() {
        Pattern compiled = loose;
        if (compiled == null) {
            // Cannot fail: the regex compiled, and white space after it adds no group.
            compiled = Pattern.compile(regex.pattern() + "\\s*");
            loose = compiled;
        }
        return compiled;
    }

    /** Whether matching can bind a name, so that different matches of the same lines may differ in bindings. */
    boolean binds() {
        return placeholders.stream().anyMatch(p -> p.name() != null);
    }

    /** Turns one line's text into a regex, left to right. */
    private static final class Compiler {
        private final String text;
        private final int line;
        private final StringBuilder regex = new StringBuilder();
        private final StringBuilder literal = new StringBuilder();
        private final List<Placeholder> placeholders = new ArrayList<>();
        private final Map<String, String> groupOfName = new HashMap<>();
        /** Capturing groups in {@link #regex} so far: a regex placeholder's own groups count too. */
        private int groups;

        Compiler(String text, int line) {
            this.text = text;
            this.line = line;
        }

        LinePattern compile() throws ExpectationException {
            int i = 0;
            while (i < text.length()) {
                if (text.startsWith("{{", i)) {
                    literal.append('{');
                    i += 2;
                } else if (text.charAt(i) == '{') {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                    i = text.startsWith("{/", i) ? regexPlaceholder(i) : namedPlaceholder(i);
                } else {
                    literal.append(text.charAt(i++));
                }
            }
            regex.append(Pattern.quote(literal.toString()));
            try {
                return new LinePattern(Pattern.compile(regex.toString()), List.copyOf(placeholders), text, line);
            } catch (PatternSyntaxException e) {
                // Each regex compiled alone; together they may clash, as two that define the same named group.
                throw problem("the regexes of this line do not fit together: " + e.getDescription());
            }
        }

        /** Reads {@code {kind}}, {@code {kind:name}} or either with a bound; returns the index after it. */
        private int namedPlaceholder(int start) throws ExpectationException {
            int close = closingBrace(start, start);
            String written = text.substring(start, close + 1);
            Matcher m = NAMED.matcher(text.substring(start + 1, close));
            if (!m.matches()) {
                throw problem("unknown placeholder " + written + " (write {{ for a literal {)");
            }
            String kind = m.group(1);
            if (!KINDS.containsKey(kind)) {
                throw problem("unknown placeholder " + written);
            }
            if (m.group(3) != null && !kind.equals("int") && !kind.equals("num")) {
                throw problem("only {int} and {num} take a bound, not " + written);
            }
            Decimal bound = m.group(3) == null ? null : number(m.group(4), written);
            add(
                    written,
                    KINDS.get(kind),
                    0,
                    m.group(2),
                    Comparison.of(m.group(3) == null ? "" : m.group(3)),
                    bound,
                    m.group(3) == null ? null : m.group(4).strip());
            return close + 1;
        }

        /** Reads {@code {/REGEX/}} or {@code {/REGEX/:name}}, where {@code \/} stands for {@code /}. */
        private int regexPlaceholder(int start) throws ExpectationException {
            StringBuilder body = new StringBuilder();
            int i = start + 2;
            while (i < text.length() && text.charAt(i) != '/') {
                if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                    body.append(text.charAt(i + 1) == '/' ? "/" : text.substring(i, i + 2));
                    i += 2;
                } else {
                    body.append(text.charAt(i++));
                }
            }
            if (i == text.length()) {
                throw problem("unterminated {/ (end the regex with /})");
            }
            int close = closingBrace(start, i);
            String written = text.substring(start, close + 1);
            Matcher suffix = SUFFIX.matcher(text.substring(i + 1, close));
            suffix.matches();
            if (!suffix.group(2).isEmpty()) {
                throw problem(
                        suffix.group(2).strip().matches("(<=|>=|<|>|=).*")
                                ? "only {int} and {num} take a bound, not " + written
                                : "malformed placeholder " + written + " (after the closing / only :name may follow)");
            }
            int groupsOfBody;
            try {
                groupsOfBody = Pattern.compile(body.toString()).matcher("").groupCount();
            } catch (PatternSyntaxException e) {
                throw problem("bad regex /%s/: %s".formatted(body, e.getDescription()));
            }
            // In the line's regex the body's groups come after the groups before it and its own: \1 must still mean its
            // first.
            String renumbered = BackReferences.shift(body.toString(), groups + 1);
            add(written, renumbered, groupsOfBody, suffix.group(1), Optional.empty(), null, null);
            return close + 1;
        }

        /**
         * Adds a placeholder as a named group. A name used again in the same line becomes a
         * back-reference, so that the regex itself finds the split where both uses agree.
         */
        private void add(
                String written,
                String kindRegex,
                int groupsOfKind,
                String name,
                Optional<Comparison> comparison,
                Decimal bound,
                String boundText) {
            String group = "concur" + placeholders.size();
            String earlier = name == null ? null : groupOfName.putIfAbsent(name, group);
            String body = earlier == null ? kindRegex : "\\k<" + earlier + ">";
            regex.append("(?<").append(group).append('>').append(body).append(')');
            groups += 1 + (earlier == null ? groupsOfKind : 0);
            placeholders.add(new Placeholder(
                    ExpectedWords.line(written), group, name, comparison.orElse(null), bound, boundText));
        }

        private int closingBrace(int start, int from) throws ExpectationException {
            int close = text.indexOf('}', from);
            if (close < 0) {
                throw problem("unterminated { at column %d (write {{ for a literal {)".formatted(start + 1));
            }
            return close;
        }

        private Decimal number(String text, String written) throws ExpectationException {
            return Decimal.parse(text).orElseThrow(() -> problem("the bound in %s is not a number".formatted(written)));
        }

        private ExpectationException problem(String problem) {
            return new ExpectationException(line, problem);
        }
    }
}
