import java.math.BigDecimal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Step 3: the same two threads as in step 2, but only the one holding the lock may touch balance.
 */
public class LockedBalance {

    static final int ROUNDS = 500_000;
    static final BigDecimal CENT = new BigDecimal("0.01");

    static final Lock lock = new ReentrantLock();

    // Still volatile, so that this program differs from step 2's by the lock alone. With the lock
    // it need not be: what a thread wrote before unlock() is visible after the next lock().
    static volatile BigDecimal balance = BigDecimal.ZERO;

    public static void main(String[] args) throws InterruptedException {
        // The same start gate and finish line as in step 2.
        CountDownLatch startGate = new CountDownLatch(2);
        CountDownLatch bothDone = new CountDownLatch(2);
        long[] deposits = new long[2];

        Thread first = Thread.ofPlatform().name("payer-1")
                .start(() -> deposits[0] = payInUntilBothDone(startGate, bothDone));
        Thread second = Thread.ofPlatform().name("payer-2")
                .start(() -> deposits[1] = payInUntilBothDone(startGate, bothDone));
        first.join();
        second.join();

        long made = deposits[0] + deposits[1];
        BigDecimal expected = CENT.multiply(BigDecimal.valueOf(made));
        BigDecimal actual = balance;
        long lost = expected.subtract(actual).divide(CENT).longValueExact();
        System.out.println("each thread paid in 0.01 at least " + ROUNDS + " times");
        System.out.println("expected balance: " + expected);
        System.out.println("actual balance:   " + actual);
        System.out.println("lost deposits:    " + lost);
    }

    /** Pays 0.01 in until both threads have done it ROUNDS times; returns how often it did. */
    static long payInUntilBothDone(CountDownLatch startGate, CountDownLatch bothDone) {
        startGate.countDown();
        try {
            startGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // nobody interrupts us here; if they did, stop
            return 0;
        }
        long deposits = 0;
        while (bothDone.getCount() > 0) {
            lock.lock(); // before try: if lock() itself failed, there would be nothing to unlock
            try {
                // Only the thread holding the lock gets here: read-add-write cannot be cut in half.
                balance = balance.add(CENT);
            } finally {
                // finally: even if the work threw, the lock must be released, or the other
                // thread would wait for it forever.
                lock.unlock();
            }
            if (++deposits == ROUNDS) {
                bothDone.countDown();
            }
        }
        return deposits;
    }
}
