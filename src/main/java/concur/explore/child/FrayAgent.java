package concur.explore.child;

import java.lang.instrument.Instrumentation;
import java.util.List;
import org.pastalab.fray.instrumentation.base.ApplicationCodeTransformer;

/**
 * The Java agent of the child JVM, in place of Fray's own. Fray's agent makes a plain field access a
 * scheduling point only if the field is volatile, of a nested class, or of a class not yet loaded; so
 * {@code count++} in a separate top-level class, or on a {@code static} field, is never interleaved and
 * the race passes every schedule. With {@code interleaveAllMemoryOps} every field access is one.
 */
public final class FrayAgent {
    private FrayAgent() {}

    public static void premain(String arguments, Instrumentation instrumentation) {
        // The child's own classes drive Fray: instrumenting them would schedule the scheduler. ASM is what
        // the transformer is made of: transforming it would load it inside its own loading (a LinkageError).
        instrumentation.addTransformer(new ApplicationCodeTransformer(
                true, List.of(FrayAgent.class.getPackageName() + ".", "org.objectweb.asm.")));
    }
}
