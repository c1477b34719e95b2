import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Step 2 without the hand-over: the queues have room, and the producer sends all its items
 * before it reads any answer. Nothing makes the two threads take turns any more.
 */
public class Handshake {

    /** Sent instead of an item when nothing more is coming. */
    static final int NO_MORE = 0;

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Integer> items = new LinkedBlockingQueue<>();
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();

        Thread consumer = Thread.ofVirtual().name("consumer").start(() -> consume(items, answers));
        Thread producer = Thread.ofVirtual().name("producer").start(() -> produce(items, answers));
        producer.join();
        consumer.join();
    }

    static void produce(BlockingQueue<Integer> items, BlockingQueue<String> answers) {
        try {
            for (int n = 1; n <= 5; n++) {
                System.out.println("producing " + n);
                items.put(n); // returns at once: the queue has room
            }
            items.put(NO_MORE);
            for (int n = 1; n <= 5; n++) {
                System.out.println("consumer returned " + answers.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void consume(BlockingQueue<Integer> items, BlockingQueue<String> answers) {
        try {
            while (true) {
                int n = items.take();
                if (n == NO_MORE) {
                    return;
                }
                System.out.println("consuming " + n);
                answers.put("200 OK");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
