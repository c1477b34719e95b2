package concur.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {
    @BeforeEach
    void needsProc() {
        assumeTrue(ProcessTree.available(), "needs /proc");
    }

    @Test
    void readsTheRunTokenFromTheEnvironmentAProcessStartedWith() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sleep", "60");
        builder.environment().put(ContainedRun.VARIABLE, "c0ffee");
        builder.environment().put("BEFORE_" + ContainedRun.VARIABLE, "not this one");
        Process sleeper = builder.start();
        try {
            assertThat(ProcessTree.runToken(sleeper.pid())).hasValue("c0ffee");
            assertThat(ProcessTree.runToken(ProcessHandle.current().pid())).isEmpty();
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void answersNothingForAProcessThatIsGone() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();

        assertThat(ProcessTree.stat(done.pid())).isEmpty();
        assertThat(ProcessTree.runToken(done.pid())).isEmpty();
        assertThat(ProcessTree.running(done.pid())).isFalse();
    }

    @Test
    void readsTheParentGroupAndStartOfAProcess() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            ProcessTree.Stat stat = ProcessTree.stat(sleeper.pid()).orElseThrow();
            ProcessTree.Stat self =
                    ProcessTree.stat(ProcessHandle.current().pid()).orElseThrow();

            assertThat(stat.parent()).isEqualTo(ProcessHandle.current().pid());
            assertThat(stat.group()).isEqualTo(self.group());
            assertThat(stat.startTicks()).isGreaterThanOrEqualTo(self.startTicks());
            assertThat(stat.zombie()).isFalse();
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void takesAZombieForNotRunning() throws Exception {
        // `sleep 1` exits a second later, when its parent has long become `sleep 60`, which never reaps it.
        // (With `sleep 0` the shell could reap the child itself before its exec, and no zombie was left.)
        Process parent = new ProcessBuilder("sh", "-c", "sleep 1 & echo $!; exec sleep 60").start();
        try {
            long zombie = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream())).readLine());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!ProcessTree.stat(zombie).map(ProcessTree.Stat::zombie).orElse(false)
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            assertThat(ProcessHandle.of(zombie))
                    .hasValueSatisfying(handle -> assertThat(handle.isAlive()).isTrue());
            assertThat(ProcessTree.running(zombie)).isFalse();
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }
}
