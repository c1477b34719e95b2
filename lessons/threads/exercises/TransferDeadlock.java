import java.util.concurrent.CountDownLatch;

/**
 * Exercise: two threads move money between two accounts, in opposite directions.
 */
public class TransferDeadlock {

    static final int TRANSFERS = 3; // per thread

    static class Account {
        final String name;
        int balance;

        Account(String name, int balance) {
            this.name = name;
            this.balance = balance;
        }
    }

    /** Moves {@code amount} from one account to the other, holding both accounts' locks. */
    static void transfer(Account from, Account to, int amount) {
        synchronized (from) {
            synchronized (to) {
                int fromBalance = from.balance;
                from.balance = fromBalance - amount;
                int toBalance = to.balance;
                to.balance = toBalance + amount;
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Account checking = new Account("checking", 100);
        Account savings = new Account("savings", 100);
        CountDownLatch go = new CountDownLatch(1); // start gate: both threads begin together
        Thread alice = Thread.ofPlatform().name("alice").start(() -> {
            awaitQuietly(go);
            for (int i = 0; i < TRANSFERS; i++) {
                transfer(checking, savings, 10);
            }
        });
        Thread bob = Thread.ofPlatform().name("bob").start(() -> {
            awaitQuietly(go);
            for (int i = 0; i < TRANSFERS; i++) {
                transfer(savings, checking, 10);
            }
        });
        go.countDown();
        alice.join();
        bob.join();

        int total = checking.balance + savings.balance;
        System.out.println("checking " + checking.balance + ", savings " + savings.balance + ", total " + total);
        if (checking.balance != 100 || savings.balance != 100) {
            throw new AssertionError("expected 100 in each account, got " + checking.balance + " and " + savings.balance);
        }
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
