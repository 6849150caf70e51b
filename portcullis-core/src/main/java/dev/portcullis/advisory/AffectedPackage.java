package dev.portcullis.advisory;

import dev.portcullis.semver.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code affected[]} entry of an advisory for an npm package: its ranges and its explicit version list. A
 * version is affected when any range or the list says so.
 *
 * @param versions explicit affected versions, normalised as semver prints them
 */
public record AffectedPackage(String name, List<OsvRange> ranges, Set<String> versions) {
    public AffectedPackage {
        Objects.requireNonNull(name, "name");
        ranges = List.copyOf(ranges);
        versions = Set.copyOf(versions);
    }

    public boolean affects(Version version) {
        if (versions.contains(version.toString())) {
            return true;
        }
        for (OsvRange range : ranges) {
            if (range.affects(version)) {
                return true;
            }
        }
        return false;
    }

    /** The upgrade out of the range that holds {@code version}, when one is known. */
    public Optional<Version> fixedAbove(Version version) {
        for (OsvRange range : ranges) {
            if (range.affects(version)) {
                Optional<Version> fixed = range.fixedAbove(version);
                if (fixed.isPresent()) {
                    return fixed;
                }
            }
        }
        return Optional.empty();
    }

    /** The last affected version of the range that holds {@code version}, when the range says so. */
    public Optional<Version> lastAffected(Version version) {
        for (OsvRange range : ranges) {
            if (range.affects(version)) {
                Optional<Version> last = range.lastAffectedFrom(version);
                if (last.isPresent()) {
                    return last;
                }
            }
        }
        return Optional.empty();
    }
}
