package concur.report;

import concur.run.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every step's outcome in one {@code concur run}, and the summary printed at its end. */
public final class Tally {
    private final List<StepOutcome> outcomes = new ArrayList<>();

    public void add(StepOutcome outcome) {
        outcomes.add(outcome);
    }

    public List<StepOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Whether concur could not run some step or read some lesson; an error outranks a mismatch. */
    public boolean anyErrored() {
        return outcomes.stream().anyMatch(o -> o instanceof StepOutcome.Errored);
    }

    /** Whether every step that ran matched every time. */
    public boolean allPassed() {
        return outcomes.stream().allMatch(o -> o instanceof StepOutcome.Ran ran && ran.passed());
    }

    /**
     * Steps that were repeated or failed, one line each, then {@code N of M steps matched; K errors}.
     * Names come from file names and headings, so they are made {@link Printable}.
     */
    public String summary() {
        StringBuilder text = new StringBuilder();
        int steps = 0;
        int passed = 0;
        int errors = 0;
        for (StepOutcome outcome : outcomes) {
            switch (outcome) {
                case StepOutcome.Errored e -> {
                    errors++;
                    steps += e.isStep() ? 1 : 0;
                }
                case StepOutcome.Ran ran -> {
                    steps++;
                    passed += ran.passed() ? 1 : 0;
                    if (ran.runs() > 1 || !ran.passed()) {
                        text.append(String.format(
                                Locale.ROOT,
                                "  %-12s %-48s %d/%d%n",
                                Printable.of(ran.lesson()),
                                Printable.of(ran.name()),
                                ran.passes(),
                                ran.runs()));
                    }
                }
            }
        }
        text.append(passed).append(" of ").append(steps).append(" steps matched");
        if (errors > 0) {
            text.append("; ").append(errors).append(errors == 1 ? " error" : " errors");
        }
        return text.toString();
    }
}
