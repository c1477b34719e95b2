import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Step 3: the same two threads, but only one of them may touch balance at a time.
 */
public class LockedBalance {

    static final int ROUNDS = 10_000_000;

    static final Lock lock = new ReentrantLock();

    // No volatile needed: unlock() publishes what this thread wrote to whoever calls lock() next.
    static long balance = 0;

    public static void main(String[] args) throws InterruptedException {
        Thread five = Thread.ofPlatform().name("plus-minus-5").start(() -> depositAndWithdraw(5));
        Thread eight = Thread.ofPlatform().name("plus-minus-8").start(() -> depositAndWithdraw(8));
        five.join();
        eight.join();

        System.out.println("each thread deposited and withdrew " + ROUNDS + " times");
        System.out.println("expected balance: 0");
        System.out.println("actual balance:   " + balance);
    }

    static void depositAndWithdraw(long n) {
        for (int i = 0; i < ROUNDS; i++) {
            lock.lock();
            try {
                // Only the thread holding the lock gets here: read-add-write cannot be cut in half.
                balance += n;
                balance -= n;
            } finally {
                // finally: even if the work threw, the lock must be released, or the other
                // thread would wait forever.
                lock.unlock();
            }
        }
    }
}
