package dev.portcullis.cli;

import dev.portcullis.engine.AdvisoryDb;
import dev.portcullis.engine.Environment;
import dev.portcullis.report.ExitCode;
import dev.portcullis.report.Outcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code portcullis db}: the local advisory database. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "The local advisory database (OSV records) that scan and inspect match packages against.",
        subcommands = {DbCommand.Import.class, DbCommand.Status.class})
final class DbCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }

    /** Creates the subcommands with the environment (effects through constructors). */
    static <K> K create(Class<K> cls, Environment environment) throws Exception {
        if (cls == Import.class) {
            return cls.cast(new Import(environment));
        }
        if (cls == Status.class) {
            return cls.cast(new Status(environment));
        }
        return CommandLine.defaultFactory().create(cls);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import OSV advisories: JSON files, directories of them, or zip archives such as OSV's "
                    + "npm all.zip (https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip), GitHub "
                    + "advisories in OSV form and OpenSSF malicious-packages records. Only npm entries are kept; "
                    + "newer records replace older ones. All paths are one transaction: a failure imports nothing.",
                    "Exit codes: 0 imported, 2 unreadable input (nothing imported), 3 database failure."})
    static final class Import implements Callable<Integer> {
        private final Environment environment;

        Import(Environment environment) {
            this.environment = environment;
        }

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "PATH", description = "OSV JSON files, directories or zip archives")
        List<Path> paths;

        @Mixin
        AdvisoryDatabaseOption databaseOption;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                AdvisoryDb.Imported counts = new AdvisoryDb(databaseOption.apply(environment)).importAll(paths);
                out.println("imported " + counts.files() + " file(s) into " + counts.database() + ": "
                        + counts.added() + " new, " + counts.updated() + " updated, " + counts.unchanged()
                        + " unchanged; " + counts.otherEcosystem() + " of other ecosystems skipped; "
                        + counts.malformed() + " malformed");
                if (counts.malformed() > 0) {
                    err.println("portcullis db import: skipped " + counts.malformed() + " malformed record(s):");
                    counts.firstProblems().forEach(p -> err.println("  " + p));
                    if (counts.malformed() > counts.firstProblems().size()) {
                        err.println("  … and " + (counts.malformed() - counts.firstProblems().size()) + " more");
                    }
                }
                out.flush();
                return ExitCode.of(new Outcome.Done()).code();
            } catch (Exception e) {
                Outcome.Failed failed = Outcome.failed(e);
                err.println("portcullis db import: " + failed.message());
                return ExitCode.of(failed).code();
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Say what the advisory database holds, where it came from and how old it is.",
                    "Exit codes: 0 data loaded, 1 no database or nothing imported, 3 database failure."})
    static final class Status implements Callable<Integer> {
        private final Environment environment;

        Status(Environment environment) {
            this.environment = environment;
        }

        @Spec
        CommandSpec spec;

        @Mixin
        AdvisoryDatabaseOption databaseOption;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            AdvisoryDb database = new AdvisoryDb(databaseOption.apply(environment));
            if (!database.exists()) {
                out.println("no advisory database at " + database.file() + ": run `portcullis db import <all.zip>` "
                        + "(see docs/advisories.md)");
                out.flush();
                return ExitCode.of(new Outcome.Checked(false)).code();
            }
            try {
                AdvisoryDb.Status status = database.status();
                Instant now = environment.clock().instant();
                // whole seconds: the database keeps microseconds nobody needs to read
                out.println("advisory database " + status.path());
                out.println("  advisories: " + status.advisories() + " (" + status.malware() + " malware, "
                        + status.withdrawn() + " withdrawn) naming " + status.packages() + " package(s)");
                out.println("  newest modified: " + (status.newestModified() == null ? "-"
                        : seconds(status.newestModified()) + " (" + age(status.newestModified(), now) + ")"));
                out.println("  last import: " + (status.lastImport() == null ? "never"
                        : seconds(status.lastImport()) + " (" + age(status.lastImport(), now) + ")"));
                out.println("  imports (newest first):");
                for (AdvisoryDb.Import i : status.imports()) {
                    out.println("    " + seconds(i.importedAt()) + "  " + i.source() + "  " + i.files() + " file(s): "
                            + i.added() + " new, " + i.updated() + " updated, " + i.unchanged() + " unchanged, "
                            + i.otherEcosystem() + " other ecosystems, " + i.malformed() + " malformed");
                }
                out.flush();
                return ExitCode.of(new Outcome.Checked(status.advisories() > 0)).code();
            } catch (Exception e) {
                Outcome.Failed failed = Outcome.failed(e);
                err.println("portcullis db status: " + failed.message());
                return ExitCode.of(failed).code();
            }
        }

        private static Instant seconds(Instant instant) {
            return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }

        private static String age(Instant then, Instant now) {
            Duration d = Duration.between(then, now);
            if (d.isNegative()) {
                return "in the future";
            }
            return d.toDays() >= 1 ? d.toDays() + " day(s) ago" : d.toHours() + " hour(s) ago";
        }
    }
}
