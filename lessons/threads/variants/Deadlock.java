import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Step 5: two threads take the same two locks in opposite orders, and each ends up waiting for the
 * lock that the other one holds. main finds the cycle with the ThreadMXBean and reports it.
 */
public class Deadlock {

    /** An object to lock on, with a name for the report. */
    static final class Lock {
        final String name;

        Lock(String name) {
            this.name = name;
        }
    }

    static final List<Lock> LOCKS = List.of(new Lock("lock-1"), new Lock("lock-2"));

    // Counted down by each thread once it holds its first lock.
    static final CountDownLatch BOTH_HOLD_ONE = new CountDownLatch(2);

    public static void main(String[] args) throws InterruptedException {
        Thread a = start("A", LOCKS.get(0), LOCKS.get(1));
        Thread b = start("B", LOCKS.get(0), LOCKS.get(1)); // the same order as A

        // Every 10 ms, ask the JVM for threads that wait for each other in a cycle, until it finds
        // some or both threads have ended.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] stuck = null;
        while (stuck == null && (a.isAlive() || b.isAlive())) {
            Thread.sleep(10);
            stuck = threads.findDeadlockedThreads();
        }
        if (stuck == null) {
            System.out.println("no deadlock: A and B both finished");
            return;
        }
        System.out.println("Deadlock: " + cycle(threads.getThreadInfo(stuck, true, false)) + ".");
        // Nothing can wake A or B now. They are daemon threads, so they do not keep the JVM alive.
        System.out.println("main: A and B will wait forever; main ends, and the JVM with it");
    }

    static Thread start(String name, Lock first, Lock second) {
        return Thread.ofPlatform().name(name).daemon().start(() -> {
            synchronized (first) {
                BOTH_HOLD_ONE.countDown();
                System.out.println(name + ": holds " + first.name + ", reaches for " + second.name);
                try {
                    // Wait (at most 5 s) until the other thread holds its first lock too.
                    BOTH_HOLD_ONE.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                synchronized (second) {
                    System.out.println(name + ": holds both locks");
                }
            }
        });
    }

    /** "A holds lock-1, waits for lock-2 held by B; B holds ...", from what the JVM reports. */
    static String cycle(ThreadInfo[] stuck) {
        return Arrays.stream(stuck)
                .sorted(Comparator.comparing(ThreadInfo::getThreadName))
                .map(info -> info.getThreadName()
                        + " holds " + nameOf(info.getLockedMonitors()[0].getIdentityHashCode())
                        + ", waits for " + nameOf(info.getLockInfo().getIdentityHashCode())
                        + " held by " + info.getLockOwnerName())
                .reduce((left, right) -> left + "; " + right)
                .orElseThrow();
    }

    /** The JVM identifies a lock by its object's identity hash code. */
    static String nameOf(int identityHashCode) {
        return LOCKS.stream()
                .filter(lock -> System.identityHashCode(lock) == identityHashCode)
                .map(lock -> lock.name)
                .findFirst()
                .orElse("an unknown lock");
    }
}
