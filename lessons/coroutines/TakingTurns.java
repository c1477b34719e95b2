/**
 * Step 1: two routines share one carrier thread and hand it to each other with Thread.yield().
 * Run with one carrier: -Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1
 */
public class TakingTurns {

    public static void main(String[] args) throws InterruptedException {
        // Two virtual threads. Each is a routine that can stop in the middle and carry on later.
        Thread a = Thread.ofVirtual().name("A").start(() -> routine("1", "2", "3"));
        Thread b = Thread.ofVirtual().name("B").start(() -> routine("x", "y", "z"));
        a.join();
        b.join();
        System.out.println("main: A and B have both finished");
    }

    static void routine(String... items) {
        for (String item : items) {
            System.out.println(Thread.currentThread().getName() + " prints " + item + " on " + carrier());
            // Step aside: the carrier thread is free to run the other routine until it steps aside too.
            Thread.yield();
        }
    }

    /** The platform thread that is running this virtual thread right now. */
    static String carrier() {
        // A virtual thread describes itself as "VirtualThread[#21,A]/runnable@ForkJoinPool-1-worker-1":
        // the part after '@' names its carrier.
        String me = Thread.currentThread().toString();
        return me.substring(me.indexOf('@') + 1);
    }
}
