package concur.run;

import java.nio.file.Path;

/**
 * An example ready to run.
 *
 * @param classes   the folder holding its class files
 * @param mainClass the class whose {@code main} runs
 * @param cached    whether the class files came from the cache (nothing was compiled)
 */
public record CompiledExample(Path classes, String mainClass, boolean cached) {}
