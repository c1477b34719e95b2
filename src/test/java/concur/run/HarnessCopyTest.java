package concur.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An example runs its harness from a copy that rebuilding concur.jar cannot change under it. */
class HarnessCopyTest {
    @TempDir
    Path dir;

    private Path jar(String harnessBytes) throws Exception {
        Path jar = dir.resolve("concur.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            for (String name : new String[] {
                "concur/run/Harness.class", "concur/run/Harness$Channel.class", "concur/run/Wire.class",
                "concur/run/HarnessCopy.class", "concur/run/ExampleRunner.class", "concur/cli/Main.class"
            }) {
                out.putNextEntry(new JarEntry(name));
                out.write((name.equals("concur/run/Harness.class") ? harnessBytes : name).getBytes());
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void copiesOnlyTheHarnessOutOfTheJarIntoAFolderNamedByItsContent() throws Exception {
        Path folder = HarnessCopy.of(jar("v1"));

        assertThat(folder.getParent()).isEqualTo(dir);
        assertThat(folder.getFileName().toString()).startsWith("harness-");
        assertThat(folder.resolve("concur/run/Harness.class")).hasContent("v1");
        assertThat(folder.resolve("concur/run/Harness$Channel.class")).exists();
        assertThat(folder.resolve("concur/run/Wire.class")).exists();
        assertThat(folder.resolve("concur/run/HarnessCopy.class")).doesNotExist();
        assertThat(folder.resolve("concur/run/ExampleRunner.class")).doesNotExist();
        assertThat(folder.resolve("concur/cli")).doesNotExist();
    }

    @Test
    void aRebuiltJarGetsAFolderOfItsOwnAndTheOldOneIsLeftAsItWas() throws Exception {
        Path before = HarnessCopy.of(jar("v1"));
        Path again = HarnessCopy.of(jar("v1"));
        Path after = HarnessCopy.of(jar("v2"));

        assertThat(again).isEqualTo(before);
        assertThat(after).isNotEqualTo(before);
        assertThat(before.resolve("concur/run/Harness.class")).hasContent("v1");
        assertThat(after.resolve("concur/run/Harness.class")).hasContent("v2");
    }

    @Test
    void concursOwnClassFolderIsUsedAsItIs() {
        assertThat(HarnessCopy.of(dir)).isEqualTo(dir);
    }
}
