import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ForkJoinPool;

/**
 * Step 3: how many processors may this JVM use? The child runs this same class with the argument
 * "child", in a JVM started with an option that changes the answer.
 */
public class Cores {

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0) {
            System.out.println("child: I may use " + processors());
            return;
        }
        System.out.println("parent: I may use " + processors());

        // The JDK sizes things from that number; the common pool (parallel streams use it) is one.
        int parallelism = ForkJoinPool.commonPool().getParallelism();
        System.out.println("parent: common pool parallelism " + parallelism);

        // The answer is what the JVM is allowed to use, not what the machine has. A container's CPU
        // limit lowers it, and so does this option, given here to a child JVM.
        String option = "-XX:ActiveProcessorCount=1";
        System.out.println("parent: child gets " + option);
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = System.getProperty("java.class.path");
        Process child = new ProcessBuilder(java, option, "-cp", classPath, "Cores", "child")
                .redirectErrorStream(true)
                .start();
        try (var fromChild = child.getInputStream()) {
            System.out.print(new String(fromChild.readAllBytes(), StandardCharsets.UTF_8));
        }
        child.waitFor();
    }

    static String processors() {
        return Runtime.getRuntime().availableProcessors() + " processor(s)";
    }
}
