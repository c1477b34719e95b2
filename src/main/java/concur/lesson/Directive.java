package concur.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code <!-- concur: key=value ... -->} comment in a lesson.
 *
 * @param values the pairs in the order written
 * @param line   1-based line of the comment in the lesson file
 */
record Directive(Map<String, String> values, int line) {
    /** Keys of a step's directive. */
    static final Set<String> STEP_KEYS = Set.of("example", "timeout", "java-options", "args", "variant", "removes");
    /** Keys of a directive inside a hint: the experiment the hint suggests, ready to run. */
    static final Set<String> VARIANT_KEYS = Set.of("variant", "removes");
    /** Keys of an exercise's directive. */
    static final Set<String> EXERCISE_KEYS = Set.of(
            "name", "exercise", "solution", "check", "timeout", "java-options", "args", "schedules", "stress-runs");

    static final Set<String> KEYS = union(STEP_KEYS, EXERCISE_KEYS);

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static final Pattern COMMENT = Pattern.compile("(?s)\\A\\s*<!--\\s*concur:(.*?)-->\\s*\\z");
    /** A directive anywhere in a text (the end of a hint): its body, and where it stands. */
    static final Pattern INLINE = Pattern.compile("(?s)<!--\\s*concur:(.*?)-->");
    /** A value is quoted (then it may hold spaces) or a run of non-spaces; a quote left open runs to the end, to be reported. */
    private static final Pattern PAIR = Pattern.compile("\\s*([\\w-]+)=(\"[^\"]*\"|\"[^\"]*\\z|\\S+)(?=\\s|\\z)\\s*");

    /** Empty when the HTML block is not a concur directive (an ordinary comment stays an ordinary comment). */
    static Optional<String> body(String html) {
        Matcher m = COMMENT.matcher(html);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Parses a directive's body; {@code problem} collects what is wrong, in the words the author will read. */
    static Directive parse(String body, int line, List<String> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = PAIR.matcher(body);
        int at = 0;
        while (at < body.length() && !body.substring(at).isBlank()) {
            if (!m.find(at) || m.start() != at) {
                problems.add("cannot read directive text \""
                        + body.substring(at).strip() + "\": write key=value or key=\"value with spaces\"");
                break;
            }
            String key = m.group(1);
            String value = m.group(2);
            if (value.startsWith("\"")) {
                if (value.length() < 2 || !value.endsWith("\"")) {
                    problems.add(
                            "the quote after " + key + "= is never closed: write " + key + "=\"value with spaces\"");
                    break;
                }
                value = value.substring(1, value.length() - 1);
            } else if (value.contains("\"")) {
                problems.add("a quote inside " + key + "=" + value + ": quote the whole value, " + key + "=\"...\"");
                break;
            }
            if (!KEYS.contains(key)) {
                problems.add("unknown directive '" + key
                        + "' (known: example, timeout, java-options, args, variant, removes;"
                        + " in an exercise: name, exercise, solution, check, schedules, stress-runs)");
            } else if (value.isBlank()) {
                problems.add("directive '" + key + "' has no value");
            } else if (values.putIfAbsent(key, value) != null) {
                problems.add("directive '" + key + "' is given twice");
            }
            at = m.end();
        }
        if (values.isEmpty() && problems.isEmpty()) {
            problems.add("empty concur directive");
        }
        return new Directive(values, line);
    }

    /** Splits a value like {@code -Xmx64m -Dx=y} into words, at runs of {@link #isSpace} characters. */
    static List<String> words(String text) {
        String value = text.strip();
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= value.length(); i++) {
            boolean space = i == value.length() || isSpace(value.charAt(i));
            if (space && start >= 0) {
                words.add(value.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words;
    }

    /**
     * What a regex's {@code \s} matches. Lessons are read with plain string work where a regex would be
     * compiled per call: on a cold start the interpreter compiles each, and a lesson has hundreds of lines.
     */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
