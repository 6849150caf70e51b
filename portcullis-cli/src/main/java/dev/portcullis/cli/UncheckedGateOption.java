package dev.portcullis.cli;

import dev.portcullis.engine.Environment;
import picocli.CommandLine.Option;

/** {@code --fail-on-unchecked} of the commands that list what they could not check (a picocli mixin). */
final class UncheckedGateOption {
    @Option(names = "--fail-on-unchecked", negatable = true, fallbackValue = "true",
            description = "Exit 3 when something could not be checked (what the report lists as not checked: a "
                    + "registry unreachable, metadata or tarballs not cached offline, no registry keys …) instead of "
                    + "passing with a note (default: on when the CI environment variable is set)")
    Boolean failOnUnchecked;

    /** The option as given, else on in CI. */
    boolean resolve(Environment environment) {
        return failOnUnchecked != null ? failOnUnchecked : inCi(environment);
    }

    /** Whether the run is in CI: {@code CI} set to anything but empty, {@code false} or {@code 0}, as CI services do. */
    static boolean inCi(Environment environment) {
        String ci = environment.variables().get("CI");
        return ci != null && !ci.isBlank() && !ci.strip().equalsIgnoreCase("false") && !ci.strip().equals("0");
    }
}
