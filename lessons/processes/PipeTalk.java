import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Step 4: a writer process and a reader process connected by a pipe, like {@code writer | reader} in a shell.
 */
public class PipeTalk {

    public static void main(String[] args) throws IOException, InterruptedException {
        // startPipeline connects the writer's stdout to the reader's stdin with an operating-system pipe.
        // The data goes from one child to the other directly; the parent is not in between.
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder(javaCommand(Writer.class)),
                new ProcessBuilder(javaCommand(Reader.class)).redirectErrorStream(true)));
        Process writer = pipeline.get(0);
        Process reader = pipeline.get(1);
        System.out.println("parent: writer is process " + writer.pid() + ", reader is process " + reader.pid());
        writer.getOutputStream().close(); // the writer reads nothing from the parent

        // What the children say about their work comes to the parent through two more pipes: the writer's
        // stderr (its stdout is taken by the data) and the reader's stdout. A thread per pipe passes it on,
        // named after the child it listens to.
        Thread fromWriter = relay("writer", writer.getErrorStream());
        Thread fromReader = relay("reader", reader.getInputStream());

        // Neither child needs to be stopped: the writer ends after its last value, and the reader ends
        // when it sees the end of its input.
        int writerCode = writer.waitFor();
        int readerCode = reader.waitFor();
        fromWriter.join();
        fromReader.join();
        System.out.println("parent: writer exited with " + writerCode + ", reader exited with " + readerCode);
    }

    /** Copies everything {@code from} delivers to our stdout, on a thread named {@code name}, until the pipe closes. */
    static Thread relay(String name, InputStream from) {
        return Thread.ofPlatform().name(name).start(() -> {
            try (from) {
                from.transferTo(System.out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** First child: sends three values down its stdout, and talks about it on stderr. */
    public static class Writer {
        public static void main(String[] args) throws InterruptedException {
            System.err.println("writer: I am process " + ProcessHandle.current().pid());
            for (String colour : List.of("red", "green", "blue")) {
                System.err.println("writer: sending " + colour);
                System.out.println(colour); // println on System.out also flushes it, so the reader gets it now
                Thread.sleep(ThreadLocalRandom.current().nextInt(300)); // a short random pause
            }
            System.err.println("writer: no more values; my end of the pipe closes when I exit");
        }
    }

    /** Second child: reads lines from its stdin until the end of input. */
    public static class Reader {
        public static void main(String[] args) throws IOException {
            System.out.println("reader: I am process " + ProcessHandle.current().pid());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            // readLine() waits for the next line, and returns null once every writer has closed the pipe.
            for (String line; (line = in.readLine()) != null; ) {
                System.out.println("reader: got " + line);
            }
            System.out.println("reader: end of input, stopping");
        }
    }

    /** The command line that starts {@code mainClass} in a new JVM: this JVM's java, this JVM's class path. */
    static List<String> javaCommand(Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }
}
