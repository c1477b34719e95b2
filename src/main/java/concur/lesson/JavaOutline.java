package concur.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package and the top-level types of a Java source, read without javac (whose parser costs the
 * first step most of a second): comments, strings, text blocks and character literals are blanked
 * first, so that {@code public class Fake} in a comment or a string is not taken for a declaration,
 * and only types at brace depth 0 count.
 *
 * @param packageName the declared package, or empty
 * @param types       the top-level types, in the order declared
 */
record JavaOutline(Optional<String> packageName, List<Type> types) {
    private static final String IDENTIFIER = "[\\p{L}_$][\\p{L}\\p{N}_$]*";
    private static final Pattern PACKAGE =
            Pattern.compile("\\bpackage\\s+(" + IDENTIFIER + "(?:\\s*\\.\\s*" + IDENTIFIER + ")*)\\s*;");
    /** A declaration's head, up to its body: everything since the previous declaration is its modifiers. */
    private static final Pattern DECLARATION =
            Pattern.compile("(?<![\\p{L}\\p{N}_$.@])(class|record|enum|interface)\\s+(" + IDENTIFIER + ")");

    private static final Pattern MAIN = Pattern.compile("\\bvoid\\s+main\\s*\\(");
    private static final Pattern PUBLIC = Pattern.compile("(?<![\\p{L}\\p{N}_$@-])public(?![\\p{L}\\p{N}_$-])");
    /** Stands in the depth-0 text for a body, so that a declaration can find the body that follows it. */
    private static final char BODY = '\u0001';

    /**
     * A top-level type.
     *
     * @param name     its simple name
     * @param isPublic declared {@code public}
     * @param hasMain  declares a method {@code main}
     */
    record Type(String name, boolean isPublic, boolean hasMain) {}

    JavaOutline {
        types = List.copyOf(types);
    }

    static JavaOutline of(String source) {
        // Arrays and whole runs rather than a call per character: this runs cold, on every example and
        // variant of a lesson, before the lesson's first screen.
        char[] code = Blanked.of(source);
        StringBuilder top = new StringBuilder();
        List<StringBuilder> bodies = new ArrayList<>();
        int depth = 0;
        int parens = 0;
        int from = 0; // the start of the run of characters that goes where depth says
        for (int i = 0; i < code.length; i++) {
            char c = code[i];
            if (depth == 0 && c == '(') {
                parens++;
            } else if (depth == 0 && c == ')' && parens > 0) {
                parens--;
            }
            if (parens > 0 || !(c == '{' || (c == '}' && depth > 0))) {
                continue;
            }
            append(code, from, i, depth, top, bodies);
            if (c == '{' && depth++ == 0) {
                top.append(BODY);
                bodies.add(new StringBuilder());
            } else if (c == '}') {
                depth--;
            }
            from = i + 1;
        }
        append(code, from, code.length, depth, top, bodies);
        Matcher pkg = PACKAGE.matcher(top);
        Optional<String> packageName = pkg.find() ? Optional.of(withoutSpaces(pkg.group(1))) : Optional.empty();
        List<Type> types = new ArrayList<>();
        Matcher declaration = DECLARATION.matcher(top);
        while (declaration.find()) {
            // Its modifiers stand between the end of what came before (a body, an import) and its keyword.
            int start = declaration.start();
            String modifiers = top.substring(
                    Math.max(top.lastIndexOf(String.valueOf(BODY), start), top.lastIndexOf(";", start)) + 1, start);
            int body = top.indexOf(String.valueOf(BODY), declaration.end());
            boolean hasMain = body >= 0 && declaresMain(bodies.get(countBodies(top, body)));
            types.add(new Type(declaration.group(2), PUBLIC.matcher(modifiers).find(), hasMain));
            if (body < 0) {
                break;
            }
            declaration.region(body + 1, top.length());
        }
        return new JavaOutline(packageName, types);
    }

    /**
     * The class to run: the public one, else one that declares {@code main} (the one named
     * {@code preferred}, as a file's name, if it does), else the one named {@code preferred}, else the first.
     */
    Optional<Type> mainType(Optional<String> preferred) {
        // A loop, not Comparator.comparing(...).thenComparing(...): those lambdas are made at run time, some
        // 10 ms of a cold start, and every lesson opens with this.
        Type best = null;
        int bestRank = -1;
        for (Type type : types) {
            int rank = (type.isPublic() ? 4 : 0)
                    + (type.hasMain() ? 2 : 0)
                    + (preferred.isPresent() && preferred.get().equals(type.name()) ? 1 : 0);
            if (rank > bestRank) { // strictly: among equals, the first declared
                best = type;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code a . b} as {@code a.b}; no regex, which a cold start would compile for every example. */
    private static String withoutSpaces(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Directive.isSpace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The name {@code java} needs for {@code type}: qualified with the package. */
    String qualified(Type type) {
        return packageName.map(p -> p + "." + type.name()).orElse(type.name());
    }

    /** Characters at depth 0 go to the top, at depth 1 to the innermost type's body; deeper ones nowhere. */
    private static void append(
            char[] code, int from, int to, int depth, StringBuilder top, List<StringBuilder> bodies) {
        if (depth == 0) {
            top.append(code, from, to - from);
        } else if (depth == 1) {
            bodies.get(bodies.size() - 1).append(code, from, to - from);
        }
    }

    /** Whether a type's body declares {@code void main(}; most bodies are rid of at the cost of an indexOf. */
    private static boolean declaresMain(StringBuilder body) {
        return body.indexOf("main") >= 0 && MAIN.matcher(body).find();
    }

    private static int countBodies(CharSequence top, int upTo) {
        int n = 0;
        for (int i = 0; i < upTo; i++) {
            if (top.charAt(i) == BODY) {
                n++;
            }
        }
        return n;
    }

    /** Java source with comments and literals turned to spaces, line breaks kept, unicode escapes decoded first (as javac does). */
    private static final class Blanked {
        private Blanked() {}

        static char[] of(String source) {
            char[] code = unicodeEscapes(source).toCharArray();
            int i = 0;
            while (i < code.length) {
                int end = literalOrCommentEnd(code, i);
                if (end == i) {
                    i++;
                }
                for (; i < end; i++) {
                    if (code[i] != '\n') {
                        code[i] = ' ';
                    }
                }
            }
            return code;
        }

        /** Where the comment or literal starting at {@code i} ends, or {@code i} when none starts there. */
        private static int literalOrCommentEnd(char[] code, int i) {
            char c = code[i];
            char next = i + 1 < code.length ? code[i + 1] : 0;
            if (c == '/' && next == '/') {
                int end = i;
                while (end < code.length && code[end] != '\n') {
                    end++;
                }
                return end;
            }
            if (c == '/' && next == '*') {
                for (int end = i + 2; end + 1 < code.length; end++) {
                    if (code[end] == '*' && code[end + 1] == '/') {
                        return end + 2;
                    }
                }
                return code.length;
            }
            if (c == '"' && next == '"' && i + 2 < code.length && code[i + 2] == '"') {
                return closing(code, i + 3, true);
            }
            if (c == '"' || c == '\'') {
                return closing(code, i + 1, false);
            }
            return i;
        }

        /**
         * The index after the literal's closing quote (the one it opened with at {@code from - 1}; three of
         * them for a text block), skipping escaped characters; a one-line literal left open ends at its line.
         */
        private static int closing(char[] code, int from, boolean textBlock) {
            char quote = code[from - 1];
            for (int i = from; i < code.length; i++) {
                char c = code[i];
                if (c == '\\') {
                    i++;
                } else if (c == quote
                        && (!textBlock || (i + 2 < code.length && code[i + 1] == quote && code[i + 2] == quote))) {
                    return i + (textBlock ? 3 : 1);
                } else if (c == '\n' && !textBlock) {
                    return i;
                }
            }
            return code.length;
        }

        /** {@code \u0022} is a quote to javac; a backslash escaped by another is not the start of one. */
        private static String unicodeEscapes(String source) {
            if (!source.contains("\\u")) {
                return source;
            }
            StringBuilder out = new StringBuilder(source.length());
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (c == '\\' && i + 1 < source.length() && source.charAt(i + 1) == '\\') {
                    out.append("\\\\");
                    i += 2;
                    continue;
                }
                if (c == '\\' && i + 1 < source.length() && source.charAt(i + 1) == 'u') {
                    int hex = i + 1;
                    while (hex < source.length() && source.charAt(hex) == 'u') {
                        hex++;
                    }
                    if (hex + 4 <= source.length()
                            && source.substring(hex, hex + 4).matches("[0-9a-fA-F]{4}")) {
                        out.append((char) Integer.parseInt(source.substring(hex, hex + 4), 16));
                        i = hex + 4;
                        continue;
                    }
                }
                out.append(c);
                i++;
            }
            return out.toString();
        }
    }
}
