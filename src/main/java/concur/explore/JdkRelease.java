package concur.explore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What a JDK's {@code release} file says about it: enough to tell a JDK 25 on Linux x86-64. */
record JdkRelease(Path home, String version, String os, String arch) {

    /** The release file of the JDK at {@code home}, or empty where there is none to read. */
    static Optional<JdkRelease> of(Path home) {
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(
                            line.substring(0, equals).trim(),
                            line.substring(equals + 1).replace("\"", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String version = values.get("JAVA_VERSION");
        return version == null
                ? Optional.empty()
                : Optional.of(new JdkRelease(
                        home, version, values.getOrDefault("OS_NAME", ""), values.getOrDefault("OS_ARCH", "")));
    }

    /** 25, 25.0.3, 25-ea: the feature release Fray 0.9.x is built for. */
    boolean is25() {
        return version.equals("25") || version.startsWith("25.") || version.startsWith("25-");
    }

    /** Fray ships its JVMTI agent for Linux on x86-64 only. */
    boolean linuxX64() {
        return os.equals("Linux") && (arch.equals("x86_64") || arch.equals("amd64"));
    }
}
