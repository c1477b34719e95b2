// The fix: increment holds the counter's lock, so no update is lost.
public class CounterFixed {
    public static void main(String[] args) throws InterruptedException {
        Counter counter = new Counter();
        Thread alice = new Thread(() -> { counter.increment(); counter.increment(); }, "alice");
        Thread bob = new Thread(() -> { counter.increment(); counter.increment(); }, "bob");
        alice.start(); bob.start();
        alice.join(); bob.join();
        if (counter.get() != 4) throw new AssertionError("expected 4 but was " + counter.get());
    }
}

class Counter {
    private int count;

    synchronized void increment() {
        count++;
    }

    synchronized int get() {
        return count;
    }
}
