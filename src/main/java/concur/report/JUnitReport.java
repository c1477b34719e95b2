package concur.report;

import concur.run.Printable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code concur run}'s results as JUnit XML, the format CI systems display: a test suite per
 * lesson, a test case per step, the mismatch as the failure text.
 *
 * <p>Every name and text goes through {@link Printable}: an example's output, a heading or a compiler
 * message may hold characters that XML 1.0 forbids even escaped (most C0 controls, a lone surrogate),
 * and one of them would make the whole report unreadable to CI.
 */
public final class JUnitReport {
    private JUnitReport() {}

    public static void write(Path file, List<StepOutcome> outcomes) throws IOException {
        Map<String, List<StepOutcome>> byLesson = new LinkedHashMap<>();
        for (StepOutcome outcome : outcomes) {
            byLesson.computeIfAbsent(outcome.lesson(), l -> new ArrayList<>()).add(outcome);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(writer);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            counts(xml, outcomes);
            for (var lesson : byLesson.entrySet()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", Printable.of(lesson.getKey()));
                counts(xml, lesson.getValue());
                for (StepOutcome step : lesson.getValue()) {
                    testCase(xml, step);
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void counts(XMLStreamWriter xml, List<StepOutcome> outcomes) throws XMLStreamException {
        long failures = outcomes.stream()
                .filter(o -> o instanceof StepOutcome.Ran ran && !ran.passed())
                .count();
        long errors =
                outcomes.stream().filter(o -> o instanceof StepOutcome.Errored).count();
        Duration time = outcomes.stream().map(StepOutcome::time).reduce(Duration.ZERO, Duration::plus);
        xml.writeAttribute("tests", Integer.toString(outcomes.size()));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", Long.toString(errors));
        xml.writeAttribute("time", seconds(time));
    }

    private static void testCase(XMLStreamWriter xml, StepOutcome step) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", Printable.of(step.lesson()));
        xml.writeAttribute("name", Printable.of(step.name()));
        xml.writeAttribute("time", seconds(step.time()));
        switch (step) {
            case StepOutcome.Errored errored -> problem(xml, "error", Printable.text(errored.message()));
            case StepOutcome.Ran ran
            when !ran.passed() -> {
                String text =
                        Printable.text(ran.firstFailure().orElse("did not match")); // before a lone \r can split it
                String runs = ran.runs() > 1 ? ran.passes() + "/" + ran.runs() + " runs matched; " : "";
                problem(xml, "failure", runs + text.lines().findFirst().orElse(""), text);
            }
            case StepOutcome.Ran ran -> {
                // passed: an empty test case says so
            }
        }
        xml.writeEndElement();
    }

    /** @param text made {@link Printable} already */
    private static void problem(XMLStreamWriter xml, String kind, String text) throws XMLStreamException {
        problem(xml, kind, text.lines().findFirst().orElse(""), text);
    }

    private static void problem(XMLStreamWriter xml, String kind, String message, String text)
            throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeStartElement(kind);
        xml.writeAttribute("message", Printable.of(message));
        xml.writeCharacters(text);
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
    }

    private static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.3f", time.toNanos() / 1e9);
    }
}
