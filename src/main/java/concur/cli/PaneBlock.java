package concur.cli;

import concur.step.StepRunner.Played;
import concur.view.JavaSource;
import concur.view.MarkdownRenderer;
import concur.view.RowBuffer;
import concur.view.Screen;
import concur.view.SideBySide;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;

/**
 * A part of the lesson screen's pane. Each gives its rows at the screen's width when drawn, so what can be laid
 * out again (prose, a finished table, a listing) is, after a resize or on {@code f}.
 */
sealed interface PaneBlock {
    /** The rows to show at this screen's width. */
    List<String> rows(Screen screen, boolean fullExpected);

    /** Changes whenever the rows would: the screen is drawn again only then. */
    long version();

    /** A step's prose, a hint, a note: Markdown. */
    record Prose(String markdown) implements PaneBlock {
        @Override
        public List<String> rows(Screen screen, boolean fullExpected) {
            return MarkdownRenderer.render(markdown, screen);
        }

        @Override
        public long version() {
            return 0;
        }
    }

    /** Rows printed by what concur ran (a verify, a diff, a timeline), as printed. */
    record Printed(RowBuffer buffer) implements PaneBlock {
        @Override
        public List<String> rows(Screen screen, boolean fullExpected) {
            return buffer.rows();
        }

        @Override
        public long version() {
            return buffer.version();
        }
    }

    /** A Java file in the source view. */
    record Source(String name, String code) implements PaneBlock {
        @Override
        public List<String> rows(Screen screen, boolean fullExpected) {
            List<String> rows = new ArrayList<>();
            rows.add(AttributedString.fromAnsi(name).toAnsi());
            rows.add("");
            rows.addAll(JavaSource.listing(code, screen));
            return rows;
        }

        @Override
        public long version() {
            return 0;
        }
    }

    /** An example's run: its live rows while it runs, then the finished side-by-side table. */
    final class RunTable implements PaneBlock {
        /** Where the run prints its live table. */
        final RowBuffer live = new RowBuffer();

        final List<String> expected;
        /** Set, from the run's thread, once the run is over. */
        volatile Played played;

        RunTable(List<String> expected) {
            this.expected = expected;
        }

        @Override
        public List<String> rows(Screen screen, boolean fullExpected) {
            Played finished = played;
            if (finished == null) {
                return live.rows();
            }
            StringWriter text = new StringWriter();
            SideBySide view = new SideBySide(screen, new PrintWriter(text, true), expected, fullExpected);
            view.header();
            view.finish(finished.verdict(), finished.run());
            return text.toString().lines().toList();
        }

        @Override
        public long version() {
            return live.version() + (played == null ? 0 : 17);
        }
    }
}
