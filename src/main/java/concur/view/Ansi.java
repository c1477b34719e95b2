package concur.view;

/** The few ANSI styles concur uses, applied only when the screen allows colour. */
enum Ansi {
    GREEN("32"),
    RED("31"),
    YELLOW("33"),
    CYAN("36"),
    DIM("2"),
    BOLD("1");

    private final String code;

    Ansi(String code) {
        this.code = code;
    }

    String apply(String text, Screen screen) {
        return screen.colour() && !text.isEmpty() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    static final String CLEAR_LINE = "\u001b[2K";

    static String up(int lines) {
        return "\u001b[" + lines + "A";
    }
}
