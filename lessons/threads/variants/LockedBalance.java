import java.math.BigDecimal;
import java.util.concurrent.CountDownLatch;

/**
 * Step 3 without the lock: both threads may touch balance at the same time again.
 */
public class LockedBalance {

    static final int ROUNDS = 500_000;
    static final BigDecimal CENT = new BigDecimal("0.01");

    // volatile, as in step 2: each deposit still reads and writes the field, but not in one step.
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
            // The lock is gone: read-add-write can be cut in half again, as in step 2.
            balance = balance.add(CENT);
            if (++deposits == ROUNDS) {
                bothDone.countDown();
            }
        }
        return deposits;
    }
}
