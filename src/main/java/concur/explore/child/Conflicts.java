package concur.explore.child;

import concur.explore.child.StepRecorder.Access;
import concur.explore.child.StepRecorder.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds, in a failing trace, the two steps that clash, for the learner's eye to go to first. */
final class Conflicts {
    private Conflicts() {}

    /**
     * The last lost update: a thread reads a location, another thread writes it, then the first thread
     * writes it, overwriting that write with a value computed from the stale read. Marks the stale read
     * and the overwriting write. Failing that, the last write and the other thread's access it races with.
     */
    static List<Step> lostUpdate(List<Step> steps) {
        List<Step> marked = new ArrayList<>(steps);
        for (int w = steps.size() - 1; w >= 0; w--) {
            Step write = steps.get(w);
            if (write.access() != Access.WRITE) {
                continue;
            }
            boolean overwritten = false;
            for (int r = w - 1; r >= 0; r--) {
                Step earlier = steps.get(r);
                if (earlier.resource() != write.resource() || earlier.access() == Access.NONE) {
                    continue;
                }
                if (!earlier.thread().equals(write.thread())) {
                    overwritten |= earlier.access() == Access.WRITE;
                } else if (earlier.access() == Access.WRITE) {
                    break; // the thread wrote since it last read: not stale
                } else if (overwritten) {
                    marked.set(r, earlier.marked());
                    marked.set(w, write.marked());
                    return marked;
                }
            }
        }
        return lastRace(steps, marked);
    }

    private static List<Step> lastRace(List<Step> steps, List<Step> marked) {
        for (int b = steps.size() - 1; b >= 0; b--) {
            Step later = steps.get(b);
            if (later.access() == Access.NONE) {
                continue;
            }
            for (int a = b - 1; a >= 0; a--) {
                Step earlier = steps.get(a);
                if (earlier.resource() == later.resource()
                        && earlier.access() != Access.NONE
                        && !earlier.thread().equals(later.thread())
                        && (earlier.access() == Access.WRITE || later.access() == Access.WRITE)) {
                    marked.set(a, earlier.marked());
                    marked.set(b, later.marked());
                    return marked;
                }
            }
        }
        return marked;
    }

    /** The lock each deadlocked thread waits for: the last step of each thread whose last step locks. */
    static List<Step> deadlock(List<Step> steps) {
        List<Step> marked = new ArrayList<>(steps);
        Set<String> seen = new HashSet<>();
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step step = steps.get(i);
            if (seen.add(step.thread()) && step.action().equals("locks")) {
                marked.set(i, step.marked());
            }
        }
        return marked;
    }
}
