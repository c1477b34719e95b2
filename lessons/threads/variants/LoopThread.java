/**
 * Step 1 without join(): main does not wait for the thread it started.
 */
public class LoopThread {

    // The chapter paused for 1 s between counts; 400 ms makes the same point faster.
    static final long PAUSE_MILLIS = 400;

    public static void main(String[] args) {
        say("is running...");

        // Every Java program starts with one thread, named "main". We start a second one.
        Thread loop = Thread.ofPlatform().name("LoopThread").start(LoopThread::countToFive);

        // No join(): main goes on at once and says it ended while LoopThread is still counting.
        say("ended.");
    }

    static void countToFive() {
        say("is running...");
        for (int n = 1; n <= 5; n++) {
            say(">>> " + n);
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                // Nobody interrupts this thread here; if someone did, stopping early is polite.
                Thread.currentThread().interrupt();
                return;
            }
        }
        say("ended.");
    }

    /** Prints a line that starts with the name of the thread that prints it. */
    static void say(String what) {
        System.out.println("thread " + Thread.currentThread().getName() + " " + what);
    }
}
