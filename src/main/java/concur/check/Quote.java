package concur.check;

/** Quotes lines for messages, without trailing spaces, shortening long ones so a message stays one readable sentence. */
final class Quote {
    private static final int MAX = 100;

    private Quote() {}

    static String of(String line) {
        return "\"" + shortened(line) + "\"";
    }

    /** The text without quotes, shortened the same way: for numbers, which messages show bare. */
    static String shortened(String line) {
        String text = line.stripTrailing();
        return text.length() <= MAX ? text : text.substring(0, MAX - 3) + "...";
    }
}
