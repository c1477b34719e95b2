package concur.check;

/**
 * An output line as the regex engine reads it, counting the characters read. A regex that backtracks
 * catastrophically, such as {@code (a+)+\1b}, reads the same few characters billions of times; counting
 * rather than timing makes the cut-off the same on a fast machine and a loaded one.
 */
final class LimitedText implements CharSequence {
    /** Reads per character of the line allowed, on top of {@link #BASE}: generous for any regex that does not backtrack without end. */
    private static final long PER_CHAR = 2_000;

    private static final long BASE = 1_000_000;

    /** Thrown when the reads run out; the caller knows which expected line was being matched. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private long left;

    LimitedText(String text) {
        this.text = text;
        this.left = BASE + PER_CHAR * text.length();
    }

    @Override
    public char charAt(int index) {
        if (--left < 0) {
            throw new Exhausted();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    /** Captured groups are cut from the plain text: only the engine's reads are counted. */
    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
