import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * Exercise: a producer sends all its items first and collects the answers afterwards; the consumer
 * answers each item before it takes the next. Both are virtual threads.
 */
public class HandoffDeadlock {

    static final int ITEMS = 3;
    static final int NO_MORE = 0; // sent after the last item

    public static void main(String[] args) throws InterruptedException {
        // A SynchronousQueue has no room inside: put() waits until another thread take()s the item.
        BlockingQueue<Integer> items = new SynchronousQueue<>();
        BlockingQueue<String> answers = new SynchronousQueue<>();

        Thread consumer = Thread.ofVirtual().name("consumer").start(() -> consume(items, answers));
        Thread producer = Thread.ofVirtual().name("producer").start(() -> produce(items, answers));
        producer.join();
        consumer.join();
        System.out.println("main: producer and consumer have both finished");
    }

    static void produce(BlockingQueue<Integer> items, BlockingQueue<String> answers) {
        try {
            for (int n = 1; n <= ITEMS; n++) {
                items.put(n);
                System.out.println("producer: sent " + n);
            }
            items.put(NO_MORE);
            System.out.println("producer: sent the end marker");
            for (int n = 1; n <= ITEMS; n++) {
                System.out.println("producer: got " + answers.take());
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
                    System.out.println("consumer: no more items, stopping");
                    return;
                }
                System.out.println("consumer: got " + n);
                answers.put("200 OK for " + n);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
