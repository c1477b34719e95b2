import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Step 3: how many processors may this JVM use?
 */
public class Cores {

    public static void main(String[] args) throws IOException, InterruptedException {
        int processors = Runtime.getRuntime().availableProcessors();
        System.out.println("this JVM may use " + processors + " processor(s)");

        // The JDK sizes things from that number; the common pool (parallel streams and more) is one.
        System.out.println("so the common ForkJoinPool has " + ForkJoinPool.commonPool().getParallelism() + " worker thread(s)");

        // The answer is what the JVM is allowed to use, not what the machine has. A container's CPU
        // limit lowers it, and so does this option, given here to a child JVM.
        Process child = new ProcessBuilder(javaCommand(List.of("-XX:ActiveProcessorCount=1"), Child.class))
                .redirectErrorStream(true)
                .start();
        String answer = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        child.waitFor();
        System.out.println("a child JVM started with -XX:ActiveProcessorCount=1 says: " + answer);
    }

    public static class Child {
        public static void main(String[] args) {
            System.out.println("I may use " + Runtime.getRuntime().availableProcessors() + " processor(s)");
        }
    }

    /** The command line that starts {@code mainClass} in a new JVM with extra JVM options. */
    static List<String> javaCommand(List<String> jvmOptions, Class<?> mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        return command;
    }
}
