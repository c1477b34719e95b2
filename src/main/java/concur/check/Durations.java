package concur.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The durations lessons, expectations and options are written in: {@code 500ms}, {@code 4.5s}, {@code 2m}. */
public final class Durations {
    /** A number and a unit, nothing else; shared with {@link TimeBound}, which keeps the number as written. */
    static final Pattern PATTERN = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");
    /** A year: longer than any time limit or bound can sensibly be, and far from overflowing. */
    public static final Duration FOREVER = Duration.ofDays(365);

    private Durations() {}

    /**
     * Reads {@code 500ms}, {@code 10s} or {@code 2m} exactly, to the nanosecond. A duration longer than
     * {@link #FOREVER} reads as {@code FOREVER}, so that callers can reject it as too long rather than
     * overflow.
     */
    public static Optional<Duration> parse(String text) {
        Matcher m = PATTERN.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPer(m.group(2))));
        if (nanos.compareTo(BigDecimal.valueOf(FOREVER.toNanos())) >= 0) {
            return Optional.of(FOREVER);
        }
        return Optional.of(
                Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact()));
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
