import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exercise: an account that must never go below zero, and two threads that withdraw from it.
 */
public class Overdraft {

    static final int START = 10;
    static final int AMOUNT = 6;
    static final int TRIES = 2; // withdrawals each thread tries

    static class Account {
        final AtomicInteger balance = new AtomicInteger(START);

        /** Takes {@code amount} out if the balance allows it; returns whether it did. */
        boolean withdraw(int amount) {
            if (balance.get() >= amount) {    // check
                balance.addAndGet(-amount);   // act
                return true;
            }
            return false;
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
