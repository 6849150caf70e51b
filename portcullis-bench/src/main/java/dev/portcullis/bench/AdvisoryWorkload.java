package dev.portcullis.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.advisory.Advisory;
import dev.portcullis.advisory.AdvisoryIndex;
import dev.portcullis.advisory.AdvisoryMatcher;
import dev.portcullis.advisory.AffectedPackage;
import dev.portcullis.advisory.OsvParser;
import dev.portcullis.json.Json;
import dev.portcullis.semver.Version;
import dev.portcullis.testkit.SyntheticOsv;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The advisory benchmark's data: {@code records} synthetic OSV records parsed as the importer parses them, and the
 * packages of a 5,000-package project: a third of them popular names that collect advisories (at versions spread
 * over their ranges), a few look-alikes of malware entries, the rest names no advisory mentions — the mix of a
 * real lockfile, where most packages have no advisory at all.
 */
final class AdvisoryWorkload {
    /** One locked package. */
    record Package(String name, String version) {
    }

    final List<Advisory> advisories;
    final List<Package> packages;

    private AdvisoryWorkload(List<Advisory> advisories, List<Package> packages) {
        this.advisories = advisories;
        this.packages = packages;
    }

    static AdvisoryWorkload create(int records, int packageCount, long seed) {
        ObjectMapper mapper = Json.mapper();
        OsvParser parser = new OsvParser(mapper);
        List<Advisory> advisories = new ArrayList<>(records);
        for (String[] record : SyntheticOsv.records(records, seed)) {
            try {
                if (parser.parse(mapper.readTree(record[1]), record[1]) instanceof OsvParser.Outcome.Npm npm) {
                    advisories.add(npm.record().advisory());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        SplittableRandom random = new SplittableRandom(seed + 1);
        List<Package> packages = new ArrayList<>(packageCount);
        for (int i = 0; i < packageCount; i++) {
            String version = random.nextInt(8) + "." + random.nextInt(10) + "." + random.nextInt(6);
            int kind = random.nextInt(100);
            String name = kind < 33 ? SyntheticOsv.popular(random.nextInt(3_000))
                    : kind < 34 ? "mal-pkg-" + random.nextInt(records) : "dep-" + i;
            packages.add(new Package(name, version));
        }
        return new AdvisoryWorkload(advisories, packages);
    }

    AdvisoryIndex index() {
        return AdvisoryIndex.of(advisories);
    }

    /** Portcullis' way: one hash lookup per package, then the ranges of the advisories naming it. */
    static int matchIndexed(AdvisoryMatcher matcher, List<Package> packages) {
        int matches = 0;
        for (Package p : packages) {
            matches += matcher.match(p.name(), p.version()).size();
        }
        return matches;
    }

    /**
     * The straightforward baseline: for every package, walk every advisory and every affected entry, compare the
     * name and evaluate the ranges — what a scanner without an index does.
     */
    static int matchLinear(List<Advisory> advisories, List<Package> packages) {
        int matches = 0;
        for (Package p : packages) {
            Optional<Version> v = Version.parse(p.version(), true);
            if (v.isEmpty()) {
                continue;
            }
            for (Advisory a : advisories) {
                if (a.withdrawn() != null) {
                    continue;
                }
                for (AffectedPackage affected : a.affected()) {
                    if (affected.name().equals(p.name()) && affected.affects(v.get())) {
                        matches++;
                        break;
                    }
                }
            }
        }
        return matches;
    }
}
