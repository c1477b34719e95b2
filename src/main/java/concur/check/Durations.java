package concur.check;

import java.math.BigInteger;
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
     * Reads {@code 500ms}, {@code 10s} or {@code 2m} exactly, to the nanosecond (half a nanosecond rounds
     * up). A duration longer than {@link #FOREVER} reads as {@code FOREVER}, so that callers can reject it as
     * too long rather than overflow.
     */
    public static Optional<Duration> parse(String text) {
        Matcher m = PATTERN.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Amount amount = Amount.of(m.group(1));
        BigInteger[] nanos = amount.units()
                .multiply(BigInteger.valueOf(nanosPer(m.group(2))))
                .divideAndRemainder(amount.scale());
        BigInteger rounded =
                nanos[1].shiftLeft(1).compareTo(amount.scale()) >= 0 ? nanos[0].add(BigInteger.ONE) : nanos[0];
        if (rounded.compareTo(BigInteger.valueOf(FOREVER.toNanos())) >= 0) {
            return Optional.of(FOREVER);
        }
        return Optional.of(Duration.ofNanos(rounded.longValueExact()));
    }

    /**
     * A number of units as written, e.g. {@code 4.5}, and exactly: {@code units / scale} ({@code 45 / 10}).
     * Not {@link java.math.BigDecimal}: its class alone takes some 8 ms to set up, a fair part of concur's
     * start.
     */
    record Amount(String written, BigInteger units, BigInteger scale) {
        /**
         * Reads digits with an optional fraction. A whole part past twelve digits is a year or more in any
         * unit, so it stops there; a fraction past forty digits changes nothing a nanosecond can show, so it
         * stops there too (and a hostile number of a million digits costs nothing).
         */
        static Amount of(String written) {
            int dot = written.indexOf('.');
            String whole = (dot < 0 ? written : written.substring(0, dot)).replaceFirst("^0+(?=.)", "");
            String fraction = dot < 0 ? "" : written.substring(dot + 1);
            if (whole.length() > 12) {
                whole = "1" + "0".repeat(12);
                fraction = "";
            }
            fraction = fraction.substring(0, Math.min(fraction.length(), 40));
            return new Amount(written, new BigInteger(whole + fraction), BigInteger.TEN.pow(fraction.length()));
        }
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
