// Lost update on a static field, the other race Fray's stock agent misses.
public class StaticRace {
    static long balance;

    public static void main(String[] args) throws InterruptedException {
        Thread alice = new Thread(() -> { for (int i = 0; i < 2; i++) balance += 100; }, "alice");
        Thread bob = new Thread(() -> { for (int i = 0; i < 2; i++) balance += 50; }, "bob");
        alice.start(); bob.start();
        alice.join(); bob.join();
        if (balance != 300) throw new AssertionError("balance should be 300 but was " + balance);
    }
}
