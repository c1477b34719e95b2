import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Solution: the check and the change happen as one step, with compare-and-set.
 */
public class Overdraft {

    static final int START = 10;
    static final int AMOUNT = 6;
    static final int TRIES = 2; // withdrawals each thread tries

    static class Account {
        final AtomicInteger balance = new AtomicInteger(START);

        /** Takes {@code amount} out if the balance allows it; returns whether it did. */
        boolean withdraw(int amount) {
            // Each call on an AtomicInteger is indivisible, but a check followed by a change is two
            // calls, and the other thread may withdraw in between. compareAndSet() writes the new
            // balance only if the balance is still the one we checked; if it is not, check again.
            while (true) {
                int current = balance.get();
                if (current < amount) {
                    return false;
                }
                if (balance.compareAndSet(current, current - amount)) {
                    return true;
                }
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Account account = new Account();
        AtomicInteger paidOut = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1); // start gate: both threads begin together
        Runnable customer = () -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int i = 0; i < TRIES; i++) {
                if (account.withdraw(AMOUNT)) {
                    paidOut.incrementAndGet();
                }
            }
        };
        Thread alice = Thread.ofPlatform().name("alice").start(customer);
        Thread bob = Thread.ofPlatform().name("bob").start(customer);
        go.countDown();
        alice.join();
        bob.join();

        int withdrawals = paidOut.get();
        int balance = account.balance.get();
        System.out.println("start " + START + ", " + withdrawals + " withdrawal(s) of " + AMOUNT
                + ", balance " + balance);
        if (balance < 0 || balance != START - withdrawals * AMOUNT) {
            throw new AssertionError("overdrawn: " + withdrawals + " withdrawals of " + AMOUNT
                    + " from " + START + " left " + balance);
        }
    }
}
