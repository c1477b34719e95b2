package concur.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The expected column in a learner's words: what the matcher reads as {@code {pid:parent}} or {@code {num >= 1.3}}
 * the learner reads as {@code «parent»} or {@code «number >= 1.3»}, and {@link #legend} says in one line what the
 * rest means. The language itself is described under "Expected output" in lessons/README.md.
 */
public final class ExpectedWords {
    private static final Map<String, String> KINDS = Map.of(
            "int", "integer",
            "num", "number",
            "pid", "process id",
            "thread", "thread name",
            "word", "word",
            "any", "anything");
    /** Same grammar as {@link LinePattern}'s: kind, optional {@code :name}, optional bound. */
    private static final Pattern NAMED = Pattern.compile("(\\w+)(?::(\\w+))?(?:\\s*(<=|>=|<|>|=)\\s*(.*))?");

    private static final Pattern TOKEN = Pattern.compile("«([^»]*)»");
    private static final Pattern LABEL = Pattern.compile("^\\[([^\\]]+)\\] ");

    /** {@code ...}: any number of lines. */
    static final String ANY_LINES = "«any lines»";
    /** The prefix of a line of an {@code :: unordered} block. */
    static final String ANY_ORDER = "any order";

    private ExpectedWords() {}

    /**
     * One expected line in words, as if it stood outside any block: placeholders become {@code «integer»},
     * {@code «number >= 1.3»}, a named one its name ({@code «parent»}), a regex {@code «/yes|no/»}, and
     * {@code ...} becomes {@code «any lines»}. Text the matcher would reject is left as written.
     */
    public static String line(String text) {
        if (text.equals("...")) {
            return ANY_LINES;
        }
        StringBuilder words = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("{{", i)) {
                words.append('{');
                i += 2;
            } else if (text.charAt(i) == '{') {
                int end = text.startsWith("{/", i) ? regex(text, i, words) : named(text, i, words);
                if (end < 0) {
                    words.append(text.substring(i)); // not a placeholder the parser would take: as written
                    return words.toString();
                }
                i = end;
            } else {
                words.append(text.charAt(i++));
            }
        }
        return words.toString();
    }

    /** A line of a {@code :: per-thread} block: {@code [writer] put «word»}, a thread variable as {@code [«a»]}. */
    static String threadLine(String label, String rest) {
        String thread = label.startsWith("$") ? "«" + label.substring(1) + "»" : label;
        return "[" + thread + "] " + line(rest);
    }

    /** A line of an {@code :: unordered} block. */
    static String unorderedLine(String text) {
        return "[" + ANY_ORDER + "] " + line(text);
    }

    /** An {@code :: elapsed} bound, put before the line after it: {@code «>= 1 s later»}. */
    static String elapsedBefore(TimeBound bound, boolean atTheStart) {
        return "«" + bound + (atTheStart ? " after the start" : " later") + "» ";
    }

    /**
     * What the words in {@code shown} stand for, a few short items for one line, or empty when none of them needs
     * it (no placeholder is shown).
     */
    public static Optional<List<String>> legend(Collection<String> shown) {
        Set<String> names = new LinkedHashSet<>();
        boolean token = false;
        boolean regex = false;
        boolean anyOrder = false;
        String thread = null;
        for (String text : shown) {
            Matcher label = LABEL.matcher(text);
            if (label.find()) {
                if (label.group(1).equals(ANY_ORDER)) {
                    anyOrder = true;
                } else if (thread == null) {
                    thread = label.group(1);
                }
            }
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                token = true;
                String inside = m.group(1);
                if (inside.startsWith("/")) {
                    regex = true;
                } else if (isName(inside)) {
                    names.add(inside.split(" ")[0]);
                }
            }
        }
        if (!token && thread == null && !anyOrder) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (token) {
            parts.add("«…» varies from run to run");
        }
        if (!names.isEmpty()) {
            String listed = names.stream().map(n -> "«" + n + "»").collect(Collectors.joining(" "));
            parts.add(listed + (names.size() == 1 ? " is the same value each time" : ": the same value each time"));
        }
        if (regex) {
            parts.add("«/…/» text that fits a regular expression");
        }
        if (thread != null) {
            parts.add("[" + thread + "] a line of that thread, in its own order");
        }
        if (anyOrder) {
            parts.add("[" + ANY_ORDER + "] the block's lines in any order");
        }
        return Optional.of(List.copyOf(parts));
    }

    /** A token that is neither a kind, nor {@code «any lines»}, nor a time bound: a capture's name. */
    private static boolean isName(String inside) {
        String head = inside.replaceFirst("\\s*(<=|>=|<|>|=).*", "");
        return !KINDS.containsValue(head)
                && !("«" + inside + "»").equals(ANY_LINES)
                && !inside.endsWith(" later")
                && !inside.endsWith(" after the start");
    }

    /** Reads {@code {kind}}, {@code {kind:name}}, either with a bound; returns the index after it, or -1. */
    private static int named(String text, int start, StringBuilder words) {
        int close = text.indexOf('}', start);
        if (close < 0) {
            return -1;
        }
        Matcher m = NAMED.matcher(text.substring(start + 1, close));
        if (!m.matches() || !KINDS.containsKey(m.group(1))) {
            return -1;
        }
        String what = m.group(2) != null ? m.group(2) : KINDS.get(m.group(1));
        String bound =
                m.group(3) == null ? "" : " " + m.group(3) + " " + m.group(4).strip();
        words.append('«').append(what).append(bound).append('»');
        return close + 1;
    }

    /** Reads {@code {/REGEX/}} or {@code {/REGEX/:name}}; returns the index after it, or -1. */
    private static int regex(String text, int start, StringBuilder words) {
        int i = start + 2;
        StringBuilder body = new StringBuilder();
        while (i < text.length() && text.charAt(i) != '/') {
            if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                body.append(text.charAt(i + 1) == '/' ? "/" : text.substring(i, i + 2));
                i += 2;
            } else {
                body.append(text.charAt(i++));
            }
        }
        int close = i < text.length() ? text.indexOf('}', i) : -1;
        if (close < 0) {
            return -1;
        }
        String suffix = text.substring(i + 1, close);
        if (suffix.startsWith(":") && suffix.substring(1).matches("\\w+")) {
            words.append('«').append(suffix.substring(1)).append('»');
        } else if (suffix.isEmpty()) {
            words.append("«/").append(body).append("/»");
        } else {
            return -1;
        }
        return close + 1;
    }
}
