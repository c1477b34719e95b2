package concur.shell;

import static org.assertj.core.api.Assertions.assertThat;

import concur.lesson.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Tab offers at {@code concur>}, in the order JLine will list it. */
class ShellCompleterTest {
    @TempDir
    Path lessons;

    private ShellCompleter completer;

    @BeforeEach
    void twoLessonsWhoseTeachingOrderIsNotTheAlphabet() throws Exception {
        Files.writeString(lessons.resolve("zebra.md"), "---\ntitle: Zebra\norder: 1\n---\n\n## One\n\n## Two\n");
        Files.writeString(lessons.resolve("aardvark.md"), "---\ntitle: Aardvark\norder: 2\n---\n\n## One\n");
        completer = new ShellCompleter(new Catalog(lessons), List.of("lesson", "run", "clear"), List.of("--step"));
    }

    /** The candidates for {@code typed}, sorted as JLine sorts them before listing. */
    private List<String> offered(String typed) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(typed, typed.length()), candidates);
        return candidates.stream().sorted().map(Candidate::value).toList();
    }

    @Test
    void listsLessonNamesInTeachingOrder() {
        assertThat(offered("lesson ")).containsExactly("zebra", "aardvark");
        assertThat(offered("run ")).containsExactly("zebra", "aardvark");
    }

    @Test
    void offersTheStepsAfterALessonNameNotTheLessonsAgain() {
        assertThat(offered("lesson zebra ")).containsExactly("1", "2");
        assertThat(offered("run zebra --step ")).containsExactly("1", "2");
        assertThat(offered("lesson zebra 1 ")).isEmpty();
    }

    @Test
    void offersTheShellsOwnCommandsToo() {
        assertThat(offered("cl")).contains("clear");
    }
}
