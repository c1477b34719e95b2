// Lost update: count++ on a field of a separate top-level class, the race Fray's stock agent misses.
public class CounterRace {
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

    void increment() {
        count++;
    }

    int get() {
        return count;
    }
}
