package concur.explore.child;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.pastalab.fray.core.ThreadContext;
import org.pastalab.fray.core.concurrency.operations.LockLockOperation;
import org.pastalab.fray.core.concurrency.operations.MemoryOperation;
import org.pastalab.fray.core.concurrency.operations.Operation;
import org.pastalab.fray.core.concurrency.operations.RacingOperation;
import org.pastalab.fray.core.concurrency.operations.ThreadStartOperation;
import org.pastalab.fray.rmi.ScheduleObserver;
import org.pastalab.fray.rmi.TestStatusObserver;
import org.pastalab.fray.runtime.MemoryOpType;

/**
 * Records, while Fray replays a failing schedule, each operation it lets a thread do, as the learner
 * would name it: which thread, what it does, on which line of their file. Stops at the first error, so
 * the trace ends where the program went wrong. Fray itself keeps only operation classes and hashes.
 */
final class StepRecorder implements ScheduleObserver<ThreadContext>, TestStatusObserver {
    /** A step, with the memory location it touches where it touches one (to find the conflict). */
    record Step(
            String thread,
            String action,
            String file,
            int line,
            String detail,
            int resource,
            Access access,
            boolean conflict) {
        Step marked() {
            return new Step(thread, action, file, line, detail, resource, access, true);
        }
    }

    enum Access {
        NONE,
        READ,
        WRITE
    }

    /** What a call into the JDK from learner code is called in a trace. */
    private static final Map<String, String> CALLS = Map.of(
            "java.lang.Thread.join", "joins",
            "java.lang.Object.wait", "waits",
            "java.lang.Object.notify", "notifies",
            "java.lang.Object.notifyAll", "notifies",
            "java.util.concurrent.locks.ReentrantLock.lock", "locks",
            "java.util.concurrent.locks.ReentrantLock.unlock", "unlocks");

    private final FieldNames fields;
    private final List<Step> steps = new ArrayList<>();
    private volatile Throwable error;

    StepRecorder(FieldNames fields) {
        this.fields = fields;
    }

    @Override
    public void onNewSchedule(Collection<? extends ThreadContext> allThreads, ThreadContext scheduled) {
        if (error == null) {
            step(scheduled).ifPresent(steps::add);
        }
    }

    private java.util.Optional<Step> step(ThreadContext scheduled) {
        Operation operation = scheduled.getPendingOperation();
        String thread = name(scheduled);
        StackTraceElement[] stack = scheduled.getThread().getStackTrace();
        int learner = 0;
        while (learner < stack.length && !fields.classes.contains(stack[learner].getClassName())) {
            learner++;
        }
        if (learner == stack.length) {
            // Not in the learner's code: only a thread's start is worth showing then.
            return operation instanceof ThreadStartOperation
                    ? java.util.Optional.of(new Step(thread, "starts", "", 0, "", 0, Access.NONE, false))
                    : java.util.Optional.empty();
        }
        StackTraceElement at = stack[learner];
        StackTraceElement above = learner > 0 ? stack[learner - 1] : null;
        boolean direct = above == null || isDriver(above.getClassName());
        int resource = operation instanceof RacingOperation racing ? racing.getResource() : 0;
        Access access = operation instanceof MemoryOperation memory
                ? (memory.getType() == MemoryOpType.MEMORY_WRITE ? Access.WRITE : Access.READ)
                : Access.NONE;
        String action;
        String detail = "";
        if (!direct) {
            if (!isConcurrencyCall(above)) {
                return java.util.Optional.empty(); // linking a lambda, printing: not what the lesson is about
            }
            String call = above.getClassName() + "." + above.getMethodName();
            String simple = above.getClassName().substring(above.getClassName().lastIndexOf('.') + 1);
            action = CALLS.getOrDefault(call, simple + "." + above.getMethodName());
            access = Access.NONE; // a library's own accesses are not the learner's reads and writes
            if (repeats(thread, action, at.getLineNumber())) {
                return java.util.Optional.empty(); // a join or a lock polled again, one call in the learner's eyes
            }
        } else if (access != Access.NONE) {
            action = access == Access.WRITE ? "writes" : "reads";
            detail = fields.field(at.getClassName(), at.getLineNumber(), access == Access.WRITE);
        } else if (operation instanceof LockLockOperation lock) {
            action = "locks";
            String name = lock.getName();
            detail = name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
        } else {
            return java.util.Optional.empty();
        }
        String file = at.getFileName() == null ? "" : at.getFileName();
        return java.util.Optional.of(
                new Step(thread, action, file, at.getLineNumber(), detail, resource, access, false));
    }

    /** Whether the thread's previous step was this same call on this same line. */
    private boolean repeats(String thread, String action, int line) {
        for (Step step : steps.reversed()) {
            if (step.thread().equals(thread)) {
                return step.action().equals(action) && step.line() == line;
            }
        }
        return false;
    }

    /** Calls into the JDK worth a step: threads, monitors, and java.util.concurrent. */
    private static boolean isConcurrencyCall(StackTraceElement call) {
        String type = call.getClassName();
        return (type.equals("java.lang.Thread") && !call.getMethodName().equals("<init>"))
                || type.equals("java.lang.Object")
                || type.startsWith("java.util.concurrent.");
    }

    /**
     * The thread's name, where the learner gave one. Unnamed threads' numbers go on across Fray's
     * schedules (and the main one is Fray's), so they are named by their order in this schedule.
     */
    private static String name(ThreadContext context) {
        if (context.getIndex() == 0) {
            return "main";
        }
        String name = context.getThread().getName();
        return name.matches("Thread-\\d+") ? "Thread-" + (context.getIndex() - 1) : name;
    }

    /** Fray's frames, and this package's, stand between a scheduling point and the code that reached it. */
    private static boolean isDriver(String className) {
        return className.startsWith("org.pastalab.")
                || className.startsWith("kotlin.")
                || className.startsWith(StepRecorder.class.getPackageName() + ".");
    }

    @Override
    public void onContextSwitch(ThreadContext current, ThreadContext next) {}

    @Override
    public void onExecutionStart() {}

    @Override
    public void onReportError(Throwable throwable) {
        if (error == null) {
            error = throwable;
        }
    }

    @Override
    public void onExecutionDone(Throwable bugFound) {}

    @Override
    public void saveToReportFolder(Path path) {}

    Throwable error() {
        return error;
    }

    /** The recorded steps, with the conflicting ones marked. */
    List<Step> steps(boolean deadlock) {
        return deadlock ? Conflicts.deadlock(steps) : Conflicts.lostUpdate(steps);
    }
}
