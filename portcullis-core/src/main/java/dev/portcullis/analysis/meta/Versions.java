package dev.portcullis.analysis.meta;

import dev.portcullis.semver.Version;
import java.util.Comparator;
import java.util.Optional;

/** Version strings in semver order; unparsable ones first, by text. */
final class Versions {
    static final Comparator<String> ORDER = (a, b) -> {
        Optional<Version> va = Version.parse(a, false);
        Optional<Version> vb = Version.parse(b, false);
        if (va.isPresent() && vb.isPresent()) {
            return va.get().compareTo(vb.get());
        }
        if (va.isPresent() != vb.isPresent()) {
            return va.isPresent() ? 1 : -1;
        }
        return a.compareTo(b);
    };

    private Versions() {
    }
}
