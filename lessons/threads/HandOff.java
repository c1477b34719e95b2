import java.util.Locale;
import java.util.concurrent.SynchronousQueue;

/**
 * Step 11: two threads pass a message back and forth, so that on every hand-off one thread goes to
 * sleep and the other wakes up: the cost of switching, once with platform threads and once with
 * virtual threads.
 */
public class HandOff {

    static final int ROUND_TRIPS = 10_000;
    static final int TRIES = 3;

    /** How long the round trips took, and on which kind of thread. */
    record Timing(String kind, long nanos) {
        double microsPerRoundTrip() {
            return nanos / 1e3 / ROUND_TRIPS;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println(ROUND_TRIPS + " round trips, fastest of " + TRIES + " tries");
        // A first, unmeasured round of each, so that the JIT compiler has done its work.
        pingPong(Thread.ofPlatform());
        pingPong(Thread.ofVirtual());
        Timing platform = null;
        Timing virtual = null;
        for (int i = 0; i < TRIES; i++) {
            platform = faster(platform, pingPong(Thread.ofPlatform()));
            virtual = faster(virtual, pingPong(Thread.ofVirtual()));
        }
        for (Timing timing : new Timing[] {platform, virtual}) {
            System.out.printf(Locale.ROOT, "%s threads: %.1f microseconds per round trip%n",
                    timing.kind(), timing.microsPerRoundTrip());
        }
        System.out.printf(Locale.ROOT, "%s/%s: %.1f%n",
                platform.kind(), virtual.kind(), (double) platform.nanos() / virtual.nanos());
    }

    static Timing faster(Timing best, Timing next) {
        return best == null || next.nanos() < best.nanos() ? next : best;
    }

    /** ping puts a number into one queue, pong takes it and puts it into the other, and so on. */
    static Timing pingPong(Thread.Builder builder) throws InterruptedException {
        // A SynchronousQueue holds nothing: put() waits until another thread take()s.
        SynchronousQueue<Integer> there = new SynchronousQueue<>();
        SynchronousQueue<Integer> back = new SynchronousQueue<>();
        Thread pong = builder.start(() -> {
            try {
                for (int i = 0; i < ROUND_TRIPS; i++) {
                    back.put(there.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long[] nanos = new long[1]; // written by ping, read by main after join()
        Thread ping = builder.start(() -> {
            try {
                long start = System.nanoTime();
                for (int i = 0; i < ROUND_TRIPS; i++) {
                    there.put(i);
                    back.take();
                }
                nanos[0] = System.nanoTime() - start;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ping.join();
        pong.join();
        return new Timing(ping.isVirtual() ? "virtual" : "platform", nanos[0]);
    }
}
