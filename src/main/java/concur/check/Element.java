package concur.check;

import concur.run.OutputLine;
import java.util.ArrayList;
import java.util.List;

/** The parts of an expectation, in the order they match output. */
sealed interface Element {

    /**
     * A line of the expected block as the lesson wrote it (trailing spaces removed), with its line number and
     * the same line in a learner's words ({@link ExpectedWords}), for the side-by-side view.
     */
    record ExpectedLine(String text, int line, String words) {
        ExpectedLine(String text, int line) {
            this(text, line, ExpectedWords.line(text));
        }
    }

    /** An expected line that stands for exactly one output line. */
    sealed interface OneLine {
        ExpectedLine shown();

        /** Whether {@code output} could be this line, whatever captures and bounds say: for lining up a failed match. */
        boolean resembles(OutputLine output);
    }

    /** One output line of this shape. */
    record Line(ExpectedLine shown, LinePattern pattern) implements Element, OneLine {
        Line withoutBounds() {
            return new Line(shown, pattern.withoutBounds());
        }

        @Override
        public boolean resembles(OutputLine output) {
            return pattern.resembles(output.text());
        }
    }

    /** A line of a per-thread block: {@code label} is a thread's name, or a variable such as {@code $a}. */
    record ThreadLine(String label, Line line) implements OneLine {
        boolean isVariable() {
            return label.startsWith("$");
        }

        @Override
        public ExpectedLine shown() {
            return line.shown();
        }

        @Override
        public boolean resembles(OutputLine output) {
            return (isVariable() || label.equals(output.thread())) && line.resembles(output);
        }
    }

    /** {@code ...}: any number of output lines, also none. */
    record Ellipsis(ExpectedLine shown) implements Element {}

    /** {@code :: unordered}: as many output lines as {@code lines}, in any order; {@code open} and {@code end} are the marker lines. */
    record Unordered(List<Line> lines, int open, int end) implements Element {}

    /** {@code :: per-thread}: as many output lines as {@code lines}, each thread's in its own order. */
    record PerThread(List<ThreadLine> lines, int open, int end) implements Element {}

    /** {@code :: elapsed < 4.5s}: the time between the output lines on either side of this point. */
    record Elapsed(TimeBound bound, int line) implements Element {}

    /** The elements without their bounds: numbers compared with nothing, no {@code :: elapsed}. */
    static List<Element> withoutBounds(List<Element> elements) {
        List<Element> free = new ArrayList<>();
        for (Element element : elements) {
            switch (element) {
                case Line line -> free.add(line.withoutBounds());
                case Unordered block ->
                    free.add(new Unordered(
                            block.lines().stream().map(Line::withoutBounds).toList(), block.open(), block.end()));
                case PerThread block ->
                    free.add(new PerThread(
                            block.lines().stream()
                                    .map(t -> new ThreadLine(t.label(), t.line().withoutBounds()))
                                    .toList(),
                            block.open(),
                            block.end()));
                case Ellipsis ellipsis -> free.add(ellipsis);
                case Elapsed elapsed -> {}
            }
        }
        return free;
    }

    /** The one-line expectations of {@code elements} from index {@code from} on, in written order. */
    static List<OneLine> linesFrom(List<Element> elements, int from) {
        List<OneLine> lines = new ArrayList<>();
        for (Element element : elements.subList(from, elements.size())) {
            switch (element) {
                case Line line -> lines.add(line);
                case Unordered block -> lines.addAll(block.lines());
                case PerThread block -> lines.addAll(block.lines());
                case Ellipsis ellipsis -> {}
                case Elapsed elapsed -> {}
            }
        }
        return lines;
    }
}
