import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Step 5 without the end marker: the reader waits in take() for ever, and main in join().
 */
public class QueueTalk {

    /** What travels through the queue: a value, or the end marker. */
    sealed interface Message permits Value, End {}

    record Value(String text) implements Message {}

    record End() implements Message {}

    public static void main(String[] args) throws InterruptedException {
        // The queue is the only thing the two threads share, and it does its own locking.
        BlockingQueue<Message> queue = new LinkedBlockingQueue<>();

        Thread writer = Thread.ofPlatform().name("writer").start(() -> write(queue));
        Thread reader = Thread.ofPlatform().name("reader").start(() -> read(queue));

        writer.join();
        reader.join(); // returns because the reader stops at the end marker
        System.out.println("main: writer and reader have both finished");
    }

    static void write(BlockingQueue<Message> queue) {
        try {
            for (String colour : List.of("red", "green", "blue")) {
                // Print first, then put: so "put" always shows up before the matching "got".
                System.out.println("writer: put " + colour);
                queue.put(new Value(colour));
                // A short random pause, like a writer that is busy producing the next value;
                // meanwhile the reader sits waiting in take().
                Thread.sleep(ThreadLocalRandom.current().nextInt(200));
            }
            // No end marker: nothing tells the reader that no more colours are coming.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void read(BlockingQueue<Message> queue) {
        try {
            // take() waits until something is in the queue. Go on while what arrives is a value.
            while (queue.take() instanceof Value(String text)) {
                System.out.println("reader: got " + text);
            }
            System.out.println("reader: got the end marker, stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
