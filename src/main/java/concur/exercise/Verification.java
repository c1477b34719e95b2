package concur.exercise;

import concur.explore.Exploration;
import concur.step.StepRunner.Played;

/** What {@code concur verify} found out about a learner's program: a closed set, each shown its own way. */
public sealed interface Verification {
    /** The one run everything starts with. */
    Played run();

    /** Whether the fix holds, as far as the check can tell. */
    boolean passed();

    /** The program's output did not match, it timed out, or it crashed: the schedules were not explored. */
    record RunFailed(Played run) implements Verification {
        @Override
        public boolean passed() {
            return false;
        }
    }

    /** The run matched, but another interleaving (or one of many runs) broke the program. */
    record InterleavingFailed(Played run, Exploration failure) implements Verification {
        @Override
        public boolean passed() {
            return false;
        }
    }

    /** The run could not be followed by the check the exercise asks for: say why, and do not call it passed. */
    record NotChecked(Played run, String reason) implements Verification {
        @Override
        public boolean passed() {
            return false;
        }
    }

    /**
     * The fix holds as far as the check reaches.
     *
     * @param how how it was checked: the schedules explored or the runs made, or nothing more than the run
     *            for an exercise checked by one run
     */
    record Passed(Played run, java.util.Optional<Exploration> how) implements Verification {
        @Override
        public boolean passed() {
            return true;
        }
    }
}
