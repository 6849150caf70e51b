package dev.portcullis.advisory;

import dev.portcullis.semver.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An OSV {@code SEMVER} or {@code ECOSYSTEM} range of an npm package (for npm both order versions as node-semver
 * does). Evaluated as the OSV schema prescribes: events in version order, {@code introduced} switches the state to
 * affected, {@code fixed} (at or above) and {@code last_affected} (above) switch it off, and a version at or above
 * every {@code limit} is outside the range. Prereleases are ordered as semver orders them, so {@code 2.0.0-rc.1}
 * is affected by a range fixed in {@code 2.0.0}.
 *
 * @param events sorted on construction; introduced "0" first
 */
public record OsvRange(List<OsvEvent> events) {
    private static final Comparator<OsvEvent> ORDER = (a, b) -> {
        if (a.version() == null || b.version() == null) {
            return a.version() == null ? (b.version() == null ? 0 : -1) : 1;
        }
        return a.version().compareTo(b.version());
    };

    public OsvRange {
        List<OsvEvent> sorted = new ArrayList<>(events);
        sorted.sort(ORDER);
        events = List.copyOf(sorted);
    }

    /** Whether {@code version} lies in the range. */
    public boolean affects(Version version) {
        boolean affected = false;
        boolean limited = false;
        boolean belowLimit = false;
        for (OsvEvent event : events) {
            Version at = event.version();
            switch (event.kind()) {
                case INTRODUCED -> {
                    if (at == null || version.compareTo(at) >= 0) {
                        affected = true;
                    }
                }
                case FIXED -> {
                    if (version.compareTo(at) >= 0) {
                        affected = false;
                    }
                }
                case LAST_AFFECTED -> {
                    if (version.compareTo(at) > 0) {
                        affected = false;
                    }
                }
                case LIMIT -> {
                    limited = true;
                    belowLimit |= version.compareTo(at) < 0;
                }
            }
        }
        return affected && (!limited || belowLimit);
    }

    /** The lowest {@code fixed} version above {@code version}: the upgrade that leaves this range. */
    public Optional<Version> fixedAbove(Version version) {
        for (OsvEvent event : events) {
            if (event.kind() == OsvEvent.Kind.FIXED && event.version().compareTo(version) > 0) {
                return Optional.of(event.version());
            }
        }
        return Optional.empty();
    }

    /** The {@code last_affected} version at or above {@code version}, for a message when nothing is fixed. */
    public Optional<Version> lastAffectedFrom(Version version) {
        for (OsvEvent event : events) {
            if (event.kind() == OsvEvent.Kind.LAST_AFFECTED && event.version().compareTo(version) >= 0) {
                return Optional.of(event.version());
            }
        }
        return Optional.empty();
    }
}
