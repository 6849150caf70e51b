package dev.portcullis.report;

import dev.portcullis.advisory.AdvisoryException;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Problems;
import dev.portcullis.registry.RegistryException;
import java.io.IOException;
import java.util.Objects;

/**
 * How a command ended, the one input of {@link ExitCode#of}: a report it wrote, a yes-or-no check without a report,
 * plain success, or a failure that stopped it.
 */
public sealed interface Outcome {

    /** A report was written; its contents decide (policy passed, verdicts, targets that failed). */
    record Reported(Report report) implements Outcome {
        public Reported {
            Objects.requireNonNull(report, "report");
        }
    }

    /** A check answered without a report ({@code db status}: does the database hold advisories?). */
    record Checked(boolean passed) implements Outcome {
    }

    /** The command did what it was asked ({@code init}, {@code rules}, {@code db import}). */
    record Done() implements Outcome {
    }

    /**
     * The command could not do its job.
     *
     * @param kind whose problem it is: the user's input, the network, or the tool
     * @param message one sentence for standard error, without the command's name
     */
    record Failed(InspectReport.ErrorKind kind, String message) implements Outcome {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            message = dev.portcullis.model.Redaction.redact(Objects.requireNonNull(message, "message"));
        }
    }


    /**
     * The failure an exception means: unreadable input is the user's (a file and line to fix), the registry is the
     * network's, the database, the disk or a bug is ours.
     */
    public static Failed failed(Exception e) {
        return switch (e) {
            case InputException input -> new Failed(InspectReport.ErrorKind.INPUT, input.getMessage());
            case RegistryException registry -> new Failed(InspectReport.ErrorKind.NETWORK,
                    "registry: " + registry.getMessage());
            case AdvisoryException advisory -> new Failed(InspectReport.ErrorKind.INTERNAL, advisory.getMessage());
            case IOException io -> new Failed(InspectReport.ErrorKind.INTERNAL, Problems.describe(io));
            default -> new Failed(InspectReport.ErrorKind.INTERNAL, "internal error: " + Problems.describe(e));
        };
    }
}
