package concur.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An example that does not compile, with javac's errors placed in the example's own file. */
public final class CompileException extends Exception {
    /** The tab stops javac counts columns by. */
    private static final int JAVAC_TAB = 8;

    private final transient List<Problem> problems;

    /**
     * One javac error.
     *
     * @param file    the file the learner sees: the {@code .java} file, or the lesson for an inline example
     * @param line    1-based line in {@code file}, or 0 when javac names none
     * @param column  1-based column, or 0 when javac names none
     * @param message javac's first line of explanation, {@link Printable}
     * @param code    the source line javac complained about, or empty, {@link Printable}
     */
    public record Problem(Path file, long line, long column, String message, String code) {
        public Problem {
            // javac quotes the source, and a string literal may hold an ESC
            message = Printable.of(Objects.requireNonNull(message, "message"));
            code = Printable.of(Objects.requireNonNull(code, "code"));
        }
    }

    /** @param message may quote javac's own output, so it is made {@link Printable} */
    public CompileException(String message, List<Problem> problems) {
        super(Printable.text(message));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * {@code the example does not compile:} and per problem a {@code FILE:LINE: error} line, then, where javac
     * names them, the source line and a caret under the column, as javac prints them. Each file is shown as
     * {@code display} says (the caller knows where the learner stands).
     */
    public String describe(Function<Path, String> display) {
        if (problems.isEmpty()) {
            return getMessage();
        }
        return getMessage() + ":\n"
                + problems.stream()
                        .map(p -> (p.file() == null ? "" : display.apply(p.file()) + ":")
                                + (p.line() > 0 ? p.line() + ": " : " ")
                                + p.message()
                                + quoted(p))
                        .collect(Collectors.joining("\n"));
    }

    /** The source line, indented, and a caret under the column; nothing where javac named neither. */
    private static String quoted(Problem problem) {
        String code = problem.code();
        if (code.isBlank() || problem.column() < 1) {
            return "";
        }
        // javac counts a tab to the next multiple of 8; the caret's indent copies the line's tabs, so it
        // stands under the column whatever width the terminal gives a tab.
        StringBuilder caret = new StringBuilder();
        long column = 0;
        for (int i = 0; i < code.length() && column < problem.column() - 1; i++) {
            boolean tab = code.charAt(i) == '\t';
            caret.append(tab ? '\t' : ' ');
            column = tab ? (column / JAVAC_TAB + 1) * JAVAC_TAB : column + 1;
        }
        return "\n    " + code + "\n    " + caret + "^";
    }
}
