// A lost update that stress can catch: both threads start at one gate and count many times.
import java.util.concurrent.CountDownLatch;

public class GateRace {
    static int count;

    public static void main(String[] args) throws InterruptedException {
        count = 0;
        int n = 20_000;
        CountDownLatch gate = new CountDownLatch(1);
        Runnable work = () -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int i = 0; i < n; i++) {
                count++;
            }
        };
        Thread alice = new Thread(work, "alice");
        Thread bob = new Thread(work, "bob");
        alice.start(); bob.start();
        gate.countDown();
        alice.join(); bob.join();
        if (count != 2 * n) throw new AssertionError("expected " + 2 * n + " but was " + count);
    }
}
