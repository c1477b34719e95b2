package concur.check;

import java.util.Arrays;
import java.util.Optional;

/** The operator of a bound, as in {@code {int > 0}} or {@code :: elapsed < 4.5s}. */
enum Comparison {
    LESS("<"),
    AT_MOST("<="),
    MORE(">"),
    AT_LEAST(">="),
    EQUAL("=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    static Optional<Comparison> of(String symbol) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
    }

    /** Whether {@code left OP right} holds, given {@code left.compareTo(right)}. */
    boolean holds(int comparison) {
        return switch (this) {
            case LESS -> comparison < 0;
            case AT_MOST -> comparison <= 0;
            case MORE -> comparison > 0;
            case AT_LEAST -> comparison >= 0;
            case EQUAL -> comparison == 0;
        };
    }

    @Override
    public String toString() {
        return symbol;
    }
}
