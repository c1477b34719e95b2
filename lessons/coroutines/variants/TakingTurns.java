import java.util.List;

/**
 * Step 1, without Thread.yield(): nothing makes A give up the carrier before it is done.
 * Run with one carrier: -Djdk.virtualThreadScheduler.parallelism=1
 * -Djdk.virtualThreadScheduler.maxPoolSize=1
 */
public class TakingTurns {

    public static void main(String[] args) throws InterruptedException {
        // A starter thread creates both routines. It holds the one carrier while it does, so A and
        // B are both waiting for the carrier before either of them has printed anything.
        Thread starter = Thread.ofVirtual().name("starter").start(() -> {
            List<Thread> routines = List.of(
                    Thread.ofVirtual().name("A").start(() -> routine("1", "2", "3")),
                    Thread.ofVirtual().name("B").start(() -> routine("x", "y", "z")));
            try {
                for (Thread routine : routines) {
                    routine.join(); // waiting frees the carrier: now A and B can run
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        starter.join();
        System.out.println("main: A and B have both finished");
    }

    static void routine(String... items) {
        for (String item : items) {
            String me = Thread.currentThread().getName();
            System.out.println(me + " prints " + item + " on " + carrier());
        }
    }

    /** The platform thread that is running this virtual thread right now. */
    static String carrier() {
        // A demonstration trick, not an API: the format of toString() is not specified. Today a
        // virtual thread describes itself as
        // "VirtualThread[#21,A]/runnable@ForkJoinPool-1-worker-1",
        // and the part after '@' names its carrier.
        String me = Thread.currentThread().toString();
        return me.substring(me.indexOf('@') + 1);
    }
}
