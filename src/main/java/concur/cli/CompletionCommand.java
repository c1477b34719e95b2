package concur.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/** {@code concur completion bash|zsh}: a completion script for commands, options and lesson names. */
final class CompletionCommand implements Callable<Integer> {
    private final Context context;
    private final CommandSpec spec;
    private final PositionalParamSpec shell = PositionalParamSpec.builder()
            .type(String.class)
            .paramLabel("SHELL")
            .completionCandidates(java.util.List.of("bash", "zsh"))
            .description("bash or zsh (the same script serves both)")
            .build();

    CompletionCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(
                this,
                "completion",
                "Print a shell completion script for concur.",
                "Examples:",
                "  source <(./concur completion bash)        in this shell",
                "  ./concur completion zsh > ~/.zfunc/_concur");
        spec.addPositional(shell);
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        String name = shell.getValue();
        if (!name.equals("bash") && !name.equals("zsh")) {
            throw new ParameterException(spec.commandLine(), "concur completes in bash and zsh, not '" + name + "'");
        }
        // picocli's script checks for ZSH_VERSION itself and loads zsh's bash-completion layer.
        context.out().print(AutoComplete.bash("concur", spec.root().commandLine()));
        context.out().flush();
        return ExitCode.OK;
    }
}
