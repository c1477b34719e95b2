import java.util.concurrent.SynchronousQueue;

/**
 * Step 2: a producer hands each item straight to a consumer and waits for its answer,
 * like a generator that is driven with send().
 */
public class Handshake {

    /** Sent instead of an item when nothing more is coming. */
    static final int NO_MORE = 0;

    public static void main(String[] args) throws InterruptedException {
        // A SynchronousQueue holds nothing: put() waits until another thread take()s the item.
        // One queue carries items to the consumer, the other carries its answers back.
        SynchronousQueue<Integer> items = new SynchronousQueue<>();
        SynchronousQueue<String> answers = new SynchronousQueue<>();

        Thread consumer = Thread.ofVirtual().name("consumer").start(() -> consume(items, answers));
        Thread producer = Thread.ofVirtual().name("producer").start(() -> produce(items, answers));
        producer.join();
        consumer.join();
    }

    static void produce(SynchronousQueue<Integer> items, SynchronousQueue<String> answers) {
        try {
            for (int n = 1; n <= 5; n++) {
                System.out.println("producing " + n);
                items.put(n);                   // hand it over: returns once the consumer has it
                String answer = answers.take(); // wait for the consumer's answer
                System.out.println("consumer returned " + answer);
            }
            items.put(NO_MORE);                 // like closing the generator: the consumer returns
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void consume(SynchronousQueue<Integer> items, SynchronousQueue<String> answers) {
        try {
            while (true) {
                int n = items.take();           // wait until the producer hands something over
                if (n == NO_MORE) {
                    return;
                }
                // Print first, then answer: the producer cannot print its next line before this.
                System.out.println("consuming " + n);
                answers.put("200 OK");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
