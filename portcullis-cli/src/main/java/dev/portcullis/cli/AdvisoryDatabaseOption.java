package dev.portcullis.cli;

import dev.portcullis.engine.Environment;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db} option of every command that reads or writes the advisory database (a picocli mixin). */
final class AdvisoryDatabaseOption {
    @Option(names = "--db", paramLabel = "FILE", description = "The advisory database (default: $PORTCULLIS_DB, "
            + "else ~/.local/share/portcullis/advisories.mv.db); see `portcullis db import`")
    Path db;

    /** {@code environment} pointed at the database this option names, or unchanged when it is not given. */
    Environment apply(Environment environment) {
        return db == null ? environment : environment.withAdvisoryDatabase(db);
    }
}
