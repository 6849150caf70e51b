package dev.portcullis.cli;

import dev.portcullis.engine.RuleCatalog;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.report.ExitCode;
import dev.portcullis.report.Outcome;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rule catalogue.")
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--markdown", description = "Print the catalogue as docs/rules.md")
    boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.print(RuleCatalog.markdown());
        } else {
            for (RuleDescriptor rule : RuleCatalog.all()) {
                out.printf("%-28s %-9s %s%n", rule.id(), rule.defaultSeverity().id(), rule.title());
            }
        }
        out.flush();
        return ExitCode.of(new Outcome.Done()).code();
    }
}
