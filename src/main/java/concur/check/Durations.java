package concur.check;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The durations lessons, expectations and options are written in: {@code 500ms}, {@code 4.5s}, {@code 2m}. */
public final class Durations {
    /** A number and a unit, nothing else; shared with {@link TimeBound}, which keeps the number as written. */
    static final Pattern PATTERN = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");

    private Durations() {}

    public static Optional<Duration> parse(String text) {
        Matcher m = PATTERN.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        double nanos = Double.parseDouble(m.group(1)) * nanosPer(m.group(2));
        return Optional.of(Duration.ofNanos(Math.round(nanos)));
    }

    /** How many nanoseconds one {@code ms}, {@code s} or {@code m} is. */
    static long nanosPer(String unit) {
        return switch (unit) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            default -> 60_000_000_000L;
        };
    }

    /** Seconds with two decimals, the way verdicts show times: {@code 5.03 s}. */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }
}
