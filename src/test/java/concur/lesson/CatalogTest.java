package concur.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private final Catalog fixtures = new Catalog(LessonParserTest.FIXTURES);

    @Test
    void listsLessonsByTheirOrderThenByName() {
        assertThat(fixtures.names()).first().isEqualTo("passing");
        assertThat(fixtures.names()).doesNotContain("README");
    }

    @Test
    void countsStepsAndReadsTitlesWithoutParsing() {
        LessonHead passing = fixtures.entries().get(0);
        assertThat(passing.title()).isEqualTo("A passing lesson");
        assertThat(passing.steps()).isEqualTo(3);
    }

    @Test
    void findsALessonByNameOrByPath() throws LessonException {
        assertThat(fixtures.resolve("passing")).isEqualTo(LessonParserTest.FIXTURES.resolve("passing.md"));
        Path file = LessonParserTest.FIXTURES.resolve("passing.md");
        assertThat(fixtures.resolve(file.toString())).isEqualTo(file);
    }

    @Test
    void suggestsTheLessonATypoMeant() {
        Catalog real = new Catalog(Path.of("lessons"));
        assertThatThrownBy(() -> real.resolve("thread"))
                .isInstanceOf(LessonException.class)
                .hasMessage("no lesson 'thread'; did you mean 'threads'?");
    }

    @Test
    void listsTheLessonsWhenNothingIsClose() {
        assertThatThrownBy(() -> fixtures.resolve("zzzzzzzzzz"))
                .hasMessageStartingWith("no lesson 'zzzzzzzzzz'; the lessons are: passing, ");
    }

    @Test
    void closestPrefersFewestEdits() {
        assertThat(Catalog.closest("treads", List.of("threads", "processes"))).contains("threads");
        assertThat(Catalog.closest("xyz", List.of("threads", "processes"))).isEmpty();
        assertThat(Catalog.distance("kitten", "sitting")).isEqualTo(3);
    }
}
