package concur.check;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A limit on a duration, as in {@code :: elapsed < 4.5s}.
 *
 * @param comparison how a duration must compare with the limit
 * @param amount     the number, as written (e.g. {@code 4.5}) and exactly
 * @param unit       the unit as written: {@code ms}, {@code s} or {@code m}
 */
record TimeBound(Comparison comparison, Durations.Amount amount, String unit) {
    private static final Pattern BOUND = Pattern.compile("(<=|>=|<|>)\\s*(.*)");

    /** Reads {@code < 4.5s}, the part after {@code :: elapsed} or {@code :: total}. */
    static TimeBound parse(String text, String directive, int line) throws ExpectationException {
        Matcher bound = BOUND.matcher(text);
        if (!bound.matches()) {
            throw new ExpectationException(
                    line,
                    ":: %s needs <, <=, > or >= and a duration, e.g. :: %s < 4.5s".formatted(directive, directive));
        }
        Matcher duration = Durations.PATTERN.matcher(bound.group(2));
        if (!duration.matches()) {
            throw new ExpectationException(
                    line, "malformed duration \"%s\" (write e.g. 4.5s, 500ms or 2m)".formatted(bound.group(2)));
        }
        return new TimeBound(
                Comparison.of(bound.group(1)).orElseThrow(), Durations.Amount.of(duration.group(1)), duration.group(2));
    }

    /** Compared in exact nanoseconds, so that a bound too long for a {@link Duration} still compares, as forever. */
    boolean admits(Duration duration) {
        BigInteger nanos = BigInteger.valueOf(duration.getSeconds())
                .multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(duration.getNano()));
        return comparison.holds(
                nanos.multiply(amount.scale()).compareTo(amount.units().multiply(BigInteger.valueOf(nanosPerUnit()))));
    }

    /** A duration in this bound's unit, so that the two read side by side: {@code 5.20 s} next to {@code < 4.5 s}. */
    String format(Duration duration) {
        if (unit.equals("ms")) {
            return duration.toMillis() + " ms";
        }
        return String.format(Locale.ROOT, "%.2f %s", duration.toNanos() / (double) nanosPerUnit(), unitName());
    }

    private long nanosPerUnit() {
        return Durations.nanosPer(unit);
    }

    private String unitName() {
        return unit.equals("m") ? "min" : unit;
    }

    @Override
    public String toString() {
        return comparison + " " + amount.written() + " " + unitName();
    }
}
