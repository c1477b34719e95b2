package concur.cli;

import concur.check.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Lets options take {@code 500ms}, {@code 10s} or {@code 2m}, the same as lesson files. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Durations.parse(value)
                .filter(d -> !d.isZero())
                .orElseThrow(() -> new CommandLine.TypeConversionException(
                        "'" + value + "' is not a duration like 500ms, 10s or 2m"));
    }
}
