package concur.explore.child;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The child's answer to concur: a small file of tab-separated records, written whole at the end and
 * renamed into place, so a child killed half-way leaves no answer rather than half of one. Not stdout:
 * the learner's program and Fray print there too. Loads nothing of Fray, so concur's side may use it.
 */
public final class Report {
    /** Fray: no schedule failed. Fields: schedules, milliseconds. */
    public static final String EXPLORED = "explored";
    /** Fray: a schedule failed. Fields: schedule (from 1), error, recording folder. */
    public static final String FAILURE = "failure";
    /** One step of the replayed interleaving. Fields: thread, action, file, line, conflict (1/0), detail. */
    public static final String STEP = "step";
    /** Replay did not fail the same way. Field: what happened instead. */
    public static final String NOT_REPRODUCED = "not-reproduced";
    /** Stress: every run passed. Fields: runs, milliseconds. */
    public static final String STRESSED = "stressed";
    /** Stress: a run threw. Fields: run (from 1), error. */
    public static final String STRESS_FAILURE = "stress-failure";
    /** Something went wrong in the child itself. Field: what. */
    public static final String ERROR = "error";

    private final List<String> lines = new ArrayList<>();

    public Report add(String kind, Object... fields) {
        StringBuilder line = new StringBuilder(kind);
        for (Object field : fields) {
            line.append('\t').append(escape(String.valueOf(field)));
        }
        lines.add(line.toString());
        return this;
    }

    public void writeTo(Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, lines, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The records of a report file, each as its kind followed by its fields. */
    public static List<List<String>> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(line -> Arrays.stream(line.split("\t", -1))
                        .map(Report::unescape)
                        .toList())
                .toList();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(
                        switch (next) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
