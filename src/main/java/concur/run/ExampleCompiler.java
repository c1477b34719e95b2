package concur.run;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles examples in-process with {@code javax.tools}, caching class files by a hash of the source,
 * so a second run of the same step compiles nothing. A cached copy is used only when its {@link Manifest}
 * checks out; a cache folder that cannot be written is replaced, for this run, by a temporary one.
 */
public final class ExampleCompiler {
    /** Examples must run on every JDK concur supports, so they may use Java 21's API and no newer. */
    private static final List<String> OPTIONS = List.of("--release", "21", "-proc:none", "-Xlint:none", "-g");

    private final Path cache;
    private final Consumer<String> warnings;
    /** The temporary cache, once the configured one has failed; every later compile goes there. */
    private Path fallback;

    /** A compiler whose warnings go nowhere: for tests and tools that have no one to tell. */
    public ExampleCompiler(Path cache) {
        this(cache, warning -> {});
    }

    /**
     * @param warnings told, once, when the cache cannot be written and a temporary one is used instead
     */
    public ExampleCompiler(Path cache, Consumer<String> warnings) {
        this.cache = cache;
        this.warnings = warnings;
    }

    /**
     * @throws IOException when neither the cache nor a temporary folder can be written; the message names both
     */
    public CompiledExample compile(Example example) throws CompileException, IOException {
        String key = hash(example);
        if (fallback == null) {
            try {
                return compileIn(cache, key, example);
            } catch (IOException e) {
                fallback = temporaryCache(e);
            }
        }
        try {
            return compileIn(fallback, key, example);
        } catch (IOException e) {
            throw new IOException("cannot write compiled classes under " + fallback + ": " + reason(e), e);
        }
    }

    private CompiledExample compileIn(Path root, String key, Example example) throws CompileException, IOException {
        Path target = root.resolve(key);
        if (Manifest.verified(target)) {
            return new CompiledExample(target, example.className(), true);
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(target); // unfinished, damaged since, or from an older concur: compile it again
        }
        Files.createDirectories(root);
        Path scratch = Files.createTempDirectory(root, "compiling-");
        try {
            javac(example, scratch);
            Manifest.write(scratch);
            publish(scratch, target);
        } finally {
            deleteTree(scratch);
        }
        return new CompiledExample(target, example.className(), false);
    }

    /** A folder of this process's own, removed when concur exits, and the warning that says so. */
    private Path temporaryCache(IOException problem) throws IOException {
        Path temporary;
        try {
            temporary = Files.createTempDirectory("concur-classes-");
        } catch (IOException e) {
            throw new IOException(
                    "cannot write compiled classes under " + cache + " (" + reason(problem)
                            + "), nor in a temporary folder (" + reason(e) + ")",
                    e);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                deleteTree(temporary);
                            } catch (IOException e) {
                                // the system cleans its temporary folder in time
                            }
                        },
                        "concur-temporary-cache"));
        warnings.accept("cannot write the compile cache " + cache + " (" + reason(problem) + "); compiling into "
                + temporary + " instead, which is removed at exit");
        return temporary;
    }

    /** An I/O failure in words: the exception's message, without its class name. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void javac(Example example, Path output) throws CompileException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new CompileException("this Java runtime has no compiler: run concur on a JDK, not a JRE", List.of());
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = Stream.concat(OPTIONS.stream(), Stream.of("-d", output.toString()))
                .toList();
        StringWriter chatter = new StringWriter();
        boolean ok = javac.getTask(chatter, null, diagnostics, options, null, List.of(new SourceFile(example)))
                .call();
        if (!ok) {
            List<CompileException.Problem> problems = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> problem(example, d))
                    .toList();
            if (problems.isEmpty()) {
                throw new CompileException(
                        "the example does not compile: " + chatter.toString().strip(), List.of());
            }
            throw new CompileException("the example does not compile", problems);
        }
    }

    /** Places javac's error in the file the learner knows, with the offending source line. */
    private static CompileException.Problem problem(Example example, Diagnostic<? extends JavaFileObject> d) {
        long line = d.getLineNumber() > 0 ? example.firstLine() + d.getLineNumber() - 1 : 0;
        String code = d.getLineNumber() > 0
                ? example.source()
                        .lines()
                        .skip(d.getLineNumber() - 1)
                        .findFirst()
                        .orElse("")
                : "";
        String message = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
        return new CompileException.Problem(example.file(), line, Math.max(0, d.getColumnNumber()), message, code);
    }

    /** Another concur may have compiled the same source meanwhile; either copy is right. */
    private static void publish(Path scratch, Path target) throws IOException {
        try {
            Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Manifest.verified(target)) {
                throw e;
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Same source, class and JDK: same class files. */
    static String hash(Example example) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(
                    Runtime.version().toString(), String.join(" ", OPTIONS), example.className(), example.source())) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The example's source as javac sees it: a file named after its class, so a public class is accepted. */
    private static final class SourceFile extends SimpleJavaFileObject {
        private final String code;

        SourceFile(Example example) {
            super(
                    URI.create("string:///" + example.className().replace('.', '/') + Kind.SOURCE.extension),
                    Kind.SOURCE);
            this.code = example.source();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
