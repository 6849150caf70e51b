package dev.portcullis.policy;

import dev.portcullis.model.Location;
import dev.portcullis.semver.Range;
import dev.portcullis.semver.RangeOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code deny:} or {@code allow:} entry of portcullis.yml: {@code - package: is-number@7.0.0} with a required
 * {@code reason:}. The part after the name is an exact version or a range; a bare name means every version.
 *
 * @param range the versions it names, or null for all
 */
public record PackageEntry(String name, String range, String reason, Location location) {
    public PackageEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(location, "location");
    }

    /** Parses {@code name}, {@code name@1.2.3} or {@code @scope/name@^1.2.0}; empty when it is neither. */
    public static Optional<PackageEntry> parse(String spec, String reason, Location location) {
        int at = spec.lastIndexOf('@');
        String name = at > 0 ? spec.substring(0, at) : spec;
        String range = at > 0 ? spec.substring(at + 1) : null;
        if (!name.matches("(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*")
                || range != null && Range.parse(range, RangeOptions.DEFAULT).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PackageEntry(name, range, reason, location));
    }

    /** Whether it names {@code name@version}. */
    public boolean matches(String packageName, String version) {
        if (!name.equals(packageName)) {
            return false;
        }
        return range == null || range.equals(version)
                || Range.parse(range, RangeOptions.DEFAULT).map(r -> r.test(version)).orElse(false);
    }

    /** How the policy file writes it. */
    public String spec() {
        return range == null ? name : name + "@" + range;
    }
}
