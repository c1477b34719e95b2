package concur.explore;

/**
 * One step of a failing interleaving: an operation a thread is about to do, in the order the schedule
 * let them run.
 *
 * @param thread   the thread's name
 * @param action   "reads", "writes", "locks", "waits", "notifies", "joins", "starts", "Thread.start",
 *                 or the library call, such as "AtomicInteger.incrementAndGet"
 * @param line     the line in the learner's file, or 0 where the step is in no line of it (a thread starting)
 * @param source   that line's text, stripped, or empty
 * @param conflict whether this is one of the two steps that clash: the read whose value another thread's
 *                 write makes stale and the write that then overwrites it, or the locks of a deadlock
 * @param detail   the field or lock where known ("count", "Account"), else empty
 */
public record TraceStep(String thread, String action, int line, String source, boolean conflict, String detail) {}
