package dev.portcullis.cli;

import dev.portcullis.engine.ForensicRecord;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --record FILE} option of every command that can leave a forensic record (a picocli mixin). */
final class RecordOption {
    @Option(names = "--record", paramLabel = "FILE", description = "Append what this run checked to FILE (JSON "
            + "lines): every locked package with its integrity and verdict, the tool version and the policy's SHA-256")
    Path file;

    /** The record to append to, or null when none was asked for. */
    ForensicRecord record() {
        return file == null ? null : new ForensicRecord(file);
    }
}
