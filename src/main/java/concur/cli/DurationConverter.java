package concur.cli;

import concur.check.Durations;
import concur.lesson.Demo;
import java.time.Duration;
import picocli.CommandLine;

/** Lets options take {@code 500ms}, {@code 10s} or {@code 2m}, the same as lesson files, within the same bounds. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        Demo.timeoutProblem(value).ifPresent(problem -> {
            throw new CommandLine.TypeConversionException("'" + value + "' " + problem);
        });
        return Durations.parse(value).orElseThrow();
    }
}
