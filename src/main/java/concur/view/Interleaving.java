package concur.view;

import concur.explore.TraceStep;
import concur.run.Printable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interleaving that broke a learner's program, one pending operation per row, in the order they ran:
 * who did what, at which line of their file, with the line's text. Each thread's rows are indented to a
 * lane of their own so the eye can follow one thread, and the two steps that conflict are marked
 * (in red where the screen has colour, and with an arrow on every screen).
 */
public final class Interleaving {
    private static final String MARK = "<- ";

    private Interleaving() {}

    /** @param file the learner's file name, shown with each line number */
    public static List<String> render(List<TraceStep> trace, String file, Screen screen) {
        Map<String, Integer> lanes = new LinkedHashMap<>();
        for (TraceStep step : trace) {
            lanes.putIfAbsent(step.thread(), lanes.size());
        }
        int nameWidth = lanes.keySet().stream()
                .mapToInt(name -> Printable.of(name).length())
                .max()
                .orElse(0);
        int actionWidth =
                trace.stream().mapToInt(step -> step.action().length()).max().orElse(0);
        int numberWidth = String.valueOf(trace.size()).length();
        String where = Printable.of(file);
        int placeWidth = trace.stream()
                .mapToInt(step -> step.line() > 0
                        ? where.length() + 1 + String.valueOf(step.line()).length()
                        : 0)
                .max()
                .orElse(0);
        List<String> rows = new ArrayList<>();
        int number = 0;
        for (TraceStep step : trace) {
            number++;
            int lane = lanes.get(step.thread());
            String thread = pad(Printable.of(step.thread()), nameWidth);
            StringBuilder row = new StringBuilder();
            row.append(" ".repeat(numberWidth - String.valueOf(number).length()))
                    .append(number)
                    .append("  ")
                    .append(" ".repeat(2 * Math.min(lane, 4)))
                    .append(thread)
                    .append(" ".repeat(2 * (Math.min(lanes.size() - 1, 4) - Math.min(lane, 4))))
                    .append("  ")
                    .append(pad(step.action(), actionWidth))
                    .append("  ")
                    .append(pad(step.line() > 0 ? where + ":" + step.line() : "", placeWidth));
            if (!step.source().isBlank()) {
                row.append("  ").append(Printable.of(step.source().strip()));
            }
            if (!step.detail().isBlank()) {
                row.append("  (").append(Printable.of(step.detail())).append(")");
            }
            // Not cut to the screen's width: the terminal wraps a long source line, and nothing is lost.
            String text = row.toString().stripTrailing();
            rows.add(step.conflict() ? Ansi.RED.apply(text + "  " + MARK.strip(), screen) : text);
        }
        return rows;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
