package concur.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleCompilerTest {
    private static final Example HI =
            new Example("Hi", "public class Hi { public static void main(String[] a) {} }", Path.of("Hi.java"), 1);

    @TempDir
    Path cache;

    @Test
    void compilesOnceAndThenServesTheCache() throws Exception {
        ExampleCompiler compiler = new ExampleCompiler(cache);
        Example example =
                new Example("Hi", "public class Hi { public static void main(String[] a) {} }", Path.of("Hi.java"), 1);

        CompiledExample first = compiler.compile(example);
        CompiledExample second = compiler.compile(example);

        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(second.classes()).isEqualTo(first.classes());
        assertThat(Files.exists(first.classes().resolve("Hi.class"))).isTrue();
    }

    @Test
    void aChangedSourceIsCompiledAgain() throws Exception {
        ExampleCompiler compiler = new ExampleCompiler(cache);
        CompiledExample a = compiler.compile(
                new Example("Hi", "public class Hi { public static void main(String[] a) {} }", Path.of("Hi.java"), 1));
        CompiledExample b = compiler.compile(
                new Example("Hi", "public class Hi { public static void main(String[] b) {} }", Path.of("Hi.java"), 1));

        assertThat(b.cached()).isFalse();
        assertThat(b.classes()).isNotEqualTo(a.classes());
    }

    @Test
    void compilesAgainWhenACachedClassFileWasTruncated() throws Exception {
        ExampleCompiler compiler = new ExampleCompiler(cache);
        CompiledExample first = compiler.compile(HI);
        Path classFile = first.classes().resolve("Hi.class");
        byte[] whole = Files.readAllBytes(classFile);
        Files.write(classFile, java.util.Arrays.copyOf(whole, whole.length / 2));

        CompiledExample again = compiler.compile(HI);

        assertThat(again.cached()).isFalse();
        assertThat(Files.readAllBytes(again.classes().resolve("Hi.class"))).isEqualTo(whole);
        assertThat(compiler.compile(HI).cached()).isTrue();
    }

    @Test
    void compilesAgainWhenACachedClassFileIsMissingOrItsMarkerIsGarbled() throws Exception {
        ExampleCompiler compiler = new ExampleCompiler(cache);
        CompiledExample first = compiler.compile(HI);
        Files.delete(first.classes().resolve("Hi.class"));

        assertThat(compiler.compile(HI).cached()).isFalse();
        assertThat(Files.exists(first.classes().resolve("Hi.class"))).isTrue();

        Files.writeString(first.classes().resolve(".complete"), "Hi"); // the marker of an older concur
        assertThat(compiler.compile(HI).cached()).isFalse();
        assertThat(compiler.compile(HI).cached()).isTrue();
    }

    @Test
    void compilesAgainWhenACachedClassFileWasChangedInPlace() throws Exception {
        ExampleCompiler compiler = new ExampleCompiler(cache);
        Path classFile = compiler.compile(HI).classes().resolve("Hi.class");
        byte[] bytes = Files.readAllBytes(classFile);
        bytes[bytes.length - 1] ^= 1; // same size, other content

        Files.write(classFile, bytes);

        assertThat(compiler.compile(HI).cached()).isFalse();
    }

    @Test
    void fallsBackToATemporaryCacheWithAWarningWhenTheCacheCannotBeWritten() throws Exception {
        Path notAFolder = Files.writeString(cache.resolve("file"), "in the way");
        java.util.List<String> warnings = new java.util.ArrayList<>();
        ExampleCompiler compiler = new ExampleCompiler(notAFolder.resolve("classes"), warnings::add);

        CompiledExample first = compiler.compile(HI);
        CompiledExample second = compiler.compile(HI);

        assertThat(Files.exists(first.classes().resolve("Hi.class"))).isTrue();
        assertThat(first.classes().startsWith(notAFolder)).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(warnings)
                .singleElement()
                .asString()
                .startsWith("cannot write the compile cache " + notAFolder.resolve("classes") + " (")
                .contains("compiling into ")
                .doesNotContain("Exception");
    }

    @Test
    void namesTheLessonLineOfEachCompileError() {
        Example broken = new Example(
                "Broken", "public class Broken {\n  void f() { int x = \"s\"; }\n}", Path.of("lessons/demo.md"), 40);

        assertThatThrownBy(() -> new ExampleCompiler(cache).compile(broken))
                .isInstanceOfSatisfying(CompileException.class, e -> {
                    assertThat(e.describe(Path::toString))
                            .contains("lessons/demo.md:41: incompatible types")
                            .contains("\n      void f() { int x = \"s\"; }\n" + " ".repeat(4 + 21) + "^");
                    CompileException.Problem problem = e.problems().get(0);
                    assertThat(problem.line()).isEqualTo(41);
                    assertThat(problem.code()).isEqualTo("  void f() { int x = \"s\"; }");
                    assertThat(problem.column()).isEqualTo(22);
                });
    }

    @Test
    void examplesMayUseJava21ApiOnly() {
        Example tooNew = new Example("New", "public class New { void f() { IO.println(1); } }", Path.of("New.java"), 1);

        assertThatThrownBy(() -> new ExampleCompiler(cache).compile(tooNew)).isInstanceOf(CompileException.class);
    }
}
