package concur.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitReportTest {
    @TempDir
    Path dir;

    private Document written(List<StepOutcome> outcomes) throws Exception {
        Path file = dir.resolve("reports/concur.xml");
        JUnitReport.write(file, outcomes);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void writesASuitePerLessonAndACasePerStepWithTheMismatchAsFailureText() throws Exception {
        Document xml = written(List.of(
                new StepOutcome.Ran(
                        "threads", "step 1: A named thread", 1, 1, Duration.ofMillis(2070), Optional.empty()),
                new StepOutcome.Ran(
                        "threads",
                        "step 2: Lost <updates> & more",
                        1,
                        0,
                        Duration.ofMillis(160),
                        Optional.of("line 14: expected \"0\" but got \"8\"\n\n= main  8 | 0")),
                StepOutcome.Errored.lesson(
                        "broken", "lessons/broken.md", "lessons/broken.md:3: step \"x\" has no ```expected block")));

        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("3");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("1");

        Element threads = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(threads.getAttribute("name")).isEqualTo("threads");
        assertThat(threads.getAttribute("tests")).isEqualTo("2");

        Element failed = (Element) xml.getElementsByTagName("testcase").item(1);
        assertThat(failed.getAttribute("name")).isEqualTo("step 2: Lost <updates> & more");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("line 14: expected \"0\" but got \"8\"");
        assertThat(failure.getTextContent()).contains("= main  8 | 0");

        Element error = (Element) xml.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).startsWith("lessons/broken.md:3:");
        assertThat(((Element) xml.getElementsByTagName("testcase").item(0))
                        .getElementsByTagName("failure")
                        .getLength())
                .isZero();
    }

    @Test
    void aRepeatedStepSaysHowManyRunsMatched() throws Exception {
        Document xml = written(List.of(new StepOutcome.Ran(
                "threads",
                "step 6: No GIL",
                20,
                19,
                Duration.ofSeconds(40),
                Optional.of("line 88: {num >= 1.3} got 1.21"))));

        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("19/20 runs matched; line 88: {num >= 1.3} got 1.21");
    }

    @Test
    void staysWellFormedXmlWhateverTheOutputAndNamesHold() throws Exception {
        String hostile = "\u0000\u0001\u0007\b\u000b\u000c\u001b[2J\u001b]52;c;eA==\u0007\r\u007f\u0085\u009b"
                + "\ud800 lone \udfff\ufffe\uffff\u202e ]]> <x/> &amp; \ud834\udd1e";
        Document xml = written(List.of(
                new StepOutcome.Ran(
                        "les\u001bson",
                        "step 1: " + hostile,
                        1,
                        0,
                        Duration.ofMillis(5),
                        Optional.of("line 1: got \"" + hostile + "\"\n\n+ main  " + hostile)),
                StepOutcome.Errored.lesson("broken\u0000", "x\u0008.md", "x.md:1: " + hostile)));

        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .contains("\\x1b[2J", "\\x00", "\\ud800", "\\u202e", "]]>", "<x/>", "\ud834\udd1e")
                .doesNotContain("\u001b", "\u0000", "\u202e");
        assertThat(failure.getTextContent()).contains("\n\n+ main  ").doesNotContain("\u001b", "\r");
        Element testCase = (Element) xml.getElementsByTagName("testcase").item(0);
        assertThat(testCase.getAttribute("classname")).isEqualTo("les\\x1bson");
        assertThat(((Element) xml.getElementsByTagName("error").item(0)).getAttribute("message"))
                .contains("\\x1b]52;c;eA==\\x07");
    }
}
