package concur.explore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * The instrumented JDK 25 Fray runs programs on, linked once into concur's cache, with Fray's JVMTI
 * library and concur's agent jar beside it.
 *
 * <p>Fray's Maven plugin cannot build it here: it always links from {@code $JDK/jmods}, and a JDK 25
 * such as Temurin's has none (JEP 493 links from the run-time image instead). So concur runs
 * {@code jlink} itself with Fray's jlink plugin, on a minimal module list (about 5 s and 65 MB rather
 * than 34 s and 187 MB for all modules). The folder is named for the Fray version and the JDK's
 * {@code JAVA_VERSION}, so a change of either links a new one; it is built under a temporary name and
 * renamed when complete, so an interrupted build never leaves half a JDK where a whole one is expected.
 */
final class FrayJdk {
    /** What a program explored by Fray may use: java.base and what Fray itself needs. */
    private static final String MODULES = "java.base,java.logging,java.instrument,java.rmi,java.management,"
            + "jdk.unsupported,java.net.http,jdk.management";
    /** The jars jlink's Fray plugin needs: the JDK instrumentation and its dependencies. */
    private static final Pattern LINK_JARS = Pattern.compile(
            "(asm|asm-tree|asm-commons|asm-util|asm-analysis|fray-instrumentation-base|fray-instrumentation-jdk"
                    + "|fray-runtime|kotlin-reflect|kotlin-stdlib)-[0-9].*\\.jar");
    /** Jars that must not be on the child's class path: they are the agents and the JDK's instrumentation. */
    private static final Pattern NOT_ON_CLASS_PATH =
            Pattern.compile("fray-(instrumentation-agent|instrumentation-jdk|jvmti-.*)-[0-9].*\\.jar");

    private static final Duration LINKING = Duration.ofMinutes(3);
    private static final String STAMP = "concur-fray-jdk";

    /** A linked JDK, ready to run {@code concur.explore.child.FrayMain}. */
    record Linked(Path java, Path jvmti, Path agent, List<Path> classPath) {}

    /** Why Fray's JDK cannot be had: in plain words for the learner. */
    static final class SetupException extends Exception {
        SetupException(String message) {
            super(message);
        }
    }

    private FrayJdk() {}

    /** The Fray version of the jars in {@code fray}, from fray-core's file name. */
    static String frayVersion(Path fray) throws SetupException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(fray, "fray-core-*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                return name.substring("fray-core-".length(), name.length() - ".jar".length());
            }
        } catch (IOException e) {
            // reported below
        }
        throw new SetupException("Fray's jars are not in " + fray);
    }

    /** The linked JDK for {@code base} and the Fray in {@code fray}, linking it first if the cache has none. */
    static Linked ensure(Path fray, Path cache, JdkRelease base, Consumer<String> progress) throws SetupException {
        String version = frayVersion(fray);
        String stamp = "fray " + version + "\njdk " + base.version() + "\n";
        Path home = cache.resolve("fray-jdk-" + version + "-" + base.version());
        try {
            if (!stamp.equals(readStamp(home))) {
                Files.createDirectories(cache);
                removeAbandonedBuilds(cache);
                progress.accept("linking a Fray JDK into the cache (once, 5 to 20 s)...");
                Path building = Files.createTempDirectory(cache, home.getFileName() + ".building-");
                try {
                    link(fray, base, building);
                    Files.writeString(building.resolve(STAMP), stamp);
                    install(building, home, stamp);
                } finally {
                    Explorer.deleteTree(building);
                }
            }
            List<Path> classPath = new ArrayList<>();
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(fray, "*.jar")) {
                for (Path jar : jars) {
                    if (!NOT_ON_CLASS_PATH.matcher(jar.getFileName().toString()).matches()) {
                        classPath.add(jar);
                    }
                }
            }
            classPath.sort(null);
            return new Linked(
                    home.resolve("jdk/bin/java"), home.resolve("libjvmti.so"), home.resolve("agent.jar"), classPath);
        } catch (IOException e) {
            throw new SetupException("cannot set up Fray's JDK in " + cache + ": " + e.getMessage());
        }
    }

    private static String readStamp(Path home) {
        try {
            return Files.isExecutable(home.resolve("jdk/bin/java")) ? Files.readString(home.resolve(STAMP)) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Moves a complete build into place, unless another concur put one there meanwhile. */
    private static void install(Path building, Path home, String stamp) throws IOException {
        if (Files.exists(home)) {
            if (stamp.equals(readStamp(home))) {
                return;
            }
            Explorer.deleteTree(home); // stale or half-deleted: not what its name promises
        }
        try {
            Files.move(building, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            if (!stamp.equals(readStamp(home))) {
                throw e;
            }
        }
    }

    /** Deletes builds that an interrupted concur left, once they are old enough not to be another's in progress. */
    private static void removeAbandonedBuilds(Path cache) throws IOException {
        Instant old = Instant.now().minus(LINKING.multipliedBy(2));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(cache, "fray-jdk-*.building-*")) {
            for (Path entry : entries) {
                if (Files.getLastModifiedTime(entry).compareTo(FileTime.from(old)) < 0) {
                    Explorer.deleteTree(entry);
                }
            }
        }
    }

    private static void link(Path fray, JdkRelease base, Path into) throws IOException, SetupException {
        List<String> modulePath = new ArrayList<>();
        Path instrumentation = null;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(fray, "*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (LINK_JARS.matcher(name).matches()) {
                    modulePath.add(jar.toString());
                }
                if (name.startsWith("fray-instrumentation-jdk-")) {
                    instrumentation = jar;
                }
            }
        }
        if (instrumentation == null) {
            throw new SetupException("Fray's JDK instrumentation jar is not in " + fray);
        }
        String path = String.join(java.io.File.pathSeparator, modulePath);
        Path log = into.resolve("jlink.log");
        // No --module-path for the JDK's own modules: jlink takes them from the run-time image.
        Process jlink = new ProcessBuilder(
                        base.home().resolve("bin/jlink").toString(),
                        "-J-javaagent:" + instrumentation,
                        "-J--module-path=" + path,
                        "-J--add-modules=org.pastalab.fray.instrumentation.jdk",
                        "-J--class-path=" + path,
                        "--output=" + into.resolve("jdk"),
                        "--add-modules=" + MODULES,
                        "--release-info",
                        "add:IMPLEMENTOR=Fray",
                        "--fray-instrumentation")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!jlink.waitFor(LINKING.toSeconds(), TimeUnit.SECONDS)) {
                throw new SetupException(
                        "jlink did not finish linking Fray's JDK within " + LINKING.toMinutes() + " minutes");
            }
            if (jlink.exitValue() != 0) {
                throw new SetupException("jlink could not link Fray's JDK from " + base.home() + " (exit "
                        + jlink.exitValue() + "): " + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("interrupted while linking Fray's JDK");
        } finally {
            jlink.destroyForcibly();
            jlink.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        extractJvmti(fray, into.resolve("libjvmti.so"));
        writeAgentJar(into.resolve("agent.jar"));
    }

    private static void extractJvmti(Path fray, Path target) throws IOException, SetupException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(fray, "fray-jvmti-linux-x8664-*.jar")) {
            for (Path jar : jars) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    var entry = zip.getEntry("libjvmti.so");
                    if (entry != null) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, target);
                            return;
                        }
                    }
                }
            }
        }
        throw new SetupException("Fray's JVMTI library (fray-jvmti-linux-x8664) is not in " + fray);
    }

    /**
     * The agent jar is a manifest only: its Premain-Class, concur's {@code FrayAgent}, is found on the
     * child's class path, so the jar never goes stale when concur changes.
     */
    private static void writeAgentJar(Path target) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), "concur.explore.child.FrayAgent");
        try (OutputStream out = Files.newOutputStream(target);
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log).strip();
            return text.length() > 600 ? "..." + text.substring(text.length() - 600) : text;
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
