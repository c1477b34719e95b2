package concur.explore.child;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Which fields each line of the learner's classes reads and writes. Fray's memory operations keep only
 * a hash of the field, so a trace step takes the field's name from its line, where the line names one.
 * Read up front: the trace is recorded while Fray holds every thread, no time for file reading.
 */
final class FieldNames {
    private record Key(String className, int line) {}

    private final Map<Key, Set<String>> reads = new HashMap<>();
    private final Map<Key, Set<String>> writes = new HashMap<>();

    /** The class names of the learner's program, with dots. */
    final Set<String> classes = new TreeSet<>();

    FieldNames(Path classesDir) throws IOException {
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                scan(Files.readAllBytes(file));
            }
        }
    }

    /** The one field the line reads (or writes), or empty where it accesses none or several. */
    String field(String className, int line, boolean write) {
        Set<String> names = (write ? writes : reads).getOrDefault(new Key(className, line), Set.of());
        return names.size() == 1 ? names.iterator().next() : "";
    }

    private void scan(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        String className = reader.getClassName().replace('/', '.');
        classes.add(className);
        reader.accept(
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        return new MethodVisitor(Opcodes.ASM9) {
                            private int line;

                            @Override
                            public void visitLineNumber(int number, Label start) {
                                line = number;
                            }

                            @Override
                            public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                                boolean write = opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC;
                                (write ? writes : reads)
                                        .computeIfAbsent(new Key(className, line), k -> new TreeSet<>())
                                        .add(field);
                            }
                        };
                    }
                },
                ClassReader.SKIP_FRAMES);
    }
}
