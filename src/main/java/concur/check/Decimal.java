package concur.check;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decimal number of any size, compared exactly. Not {@link java.math.BigDecimal}: its exponent is an
 * {@code int}, so an example that prints {@code 1e9999999999} would make it throw, and one that prints
 * {@code 1e999999999} would make a message that spells the number out a billion digits long.
 *
 * <p>The value is {@code sign × 0.DIGITS × 10^point}: {@code digits} has no leading or trailing zeros,
 * so two equal numbers have equal fields however they were written ({@code 1.30}, {@code 13e-1}).
 *
 * @param sign   -1, 0 or 1
 * @param digits the significant digits; empty for zero
 * @param point  where the decimal point stands relative to the first significant digit
 */
record Decimal(int sign, String digits, BigInteger point) implements Comparable<Decimal> {
    /** What {@code {num}} matches, and what a bound may be written as: also {@code +3} and {@code .5}. */
    private static final Pattern NUMBER = Pattern.compile("([-+]?)(\\d*)(?:\\.(\\d*))?(?:[eE]([-+]?\\d+))?");

    private static final Decimal ZERO = new Decimal(0, "", BigInteger.ZERO);

    /** Reads a number such as {@code -3}, {@code 1.75}, {@code 3e-4} or {@code 1e9999999999}; empty when it is none. */
    static Optional<Decimal> parse(String text) {
        Matcher m = NUMBER.matcher(text.strip());
        String whole = m.matches() ? m.group(2) : "";
        String fraction = m.matches() && m.group(3) != null ? m.group(3) : "";
        if (whole.isEmpty() && fraction.isEmpty()) {
            return Optional.empty();
        }
        String all = whole + fraction;
        int first = 0;
        while (first < all.length() && all.charAt(first) == '0') {
            first++;
        }
        if (first == all.length()) {
            return Optional.of(ZERO);
        }
        int end = all.length();
        while (all.charAt(end - 1) == '0') {
            end--;
        }
        BigInteger exponent = m.group(4) == null ? BigInteger.ZERO : new BigInteger(m.group(4));
        BigInteger point = exponent.add(BigInteger.valueOf((long) whole.length() - first));
        return Optional.of(new Decimal(m.group(1).equals("-") ? -1 : 1, all.substring(first, end), point));
    }

    @Override
    public int compareTo(Decimal other) {
        if (sign != other.sign) {
            return Integer.compare(sign, other.sign);
        }
        return sign * compareMagnitude(other);
    }

    private int compareMagnitude(Decimal other) {
        if (sign == 0) {
            return 0;
        }
        int byPoint = point.compareTo(other.point);
        if (byPoint != 0) {
            return byPoint;
        }
        // Same position of the first digit: the digits decide, as text; a longer tail is a larger number.
        int byDigits = Math.min(digits.length(), other.digits.length());
        for (int i = 0; i < byDigits; i++) {
            if (digits.charAt(i) != other.digits.charAt(i)) {
                return Character.compare(digits.charAt(i), other.digits.charAt(i));
            }
        }
        return Integer.compare(digits.length(), other.digits.length());
    }
}
