package dev.portcullis.engine;

import dev.portcullis.advisory.AdvisoryDatabase;
import dev.portcullis.advisory.AdvisoryException;
import dev.portcullis.advisory.DatabaseStatus;
import dev.portcullis.advisory.ImportCounts;
import dev.portcullis.advisory.OsvImporter;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.Problems;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The local advisory database as front ends use it: import OSV records, say what it holds. Front ends see only these
 * records and {@link InputException} (unreadable input, nothing imported); any other exception means the database
 * itself failed.
 */
public final class AdvisoryDb {
    private final Environment environment;

    /** The database {@link Environment#advisoryDatabase()} names, opened with the environment's clock. */
    public AdvisoryDb(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * What one import did.
     *
     * @param database the database file written
     * @param files JSON documents read
     * @param added npm advisories new to the database
     * @param updated npm advisories replaced by a newer {@code modified}
     * @param unchanged npm advisories already present at the same or a newer {@code modified}
     * @param otherEcosystem valid records naming no npm package, not stored
     * @param malformed records skipped because they break the OSV schema
     * @param firstProblems the first few reasons, each naming its file
     */
    public record Imported(Path database, int files, int added, int updated, int unchanged, int otherEcosystem,
                           int malformed, List<String> firstProblems) {
        public Imported {
            Objects.requireNonNull(database, "database");
            firstProblems = List.copyOf(firstProblems);
        }
    }

    /**
     * What the database holds.
     *
     * @param path the database file
     * @param advisories npm advisories, withdrawn ones included
     * @param malware of which malware entries
     * @param withdrawn of which withdrawn
     * @param packages distinct package names named
     * @param newestModified the newest {@code modified} time of any advisory, or null when empty
     * @param imports the completed imports, newest first
     */
    public record Status(Path path, int advisories, int malware, int withdrawn, int packages, Instant newestModified,
                         List<Import> imports) {
        public Status {
            Objects.requireNonNull(path, "path");
            imports = List.copyOf(imports);
        }

        /** When the data was last refreshed, or null when nothing was ever imported. */
        public Instant lastImport() {
            return imports.isEmpty() ? null : imports.getFirst().importedAt();
        }
    }

    /** One completed import. */
    public record Import(String source, Instant importedAt, int files, int added, int updated, int unchanged,
                         int otherEcosystem, int malformed) {
    }

    /** The database file this facade reads and writes. */
    public Path file() {
        return environment.advisoryDatabase();
    }

    /** Whether the database file exists (status does not create one). */
    public boolean exists() {
        return AdvisoryDatabase.exists(file());
    }

    /**
     * Imports OSV JSON files, directories of them and zip archives, in one transaction.
     *
     * @throws InputException a path is missing or unreadable; nothing was imported
     * @throws AdvisoryException the database could not be opened or written
     */
    public Imported importAll(List<Path> paths) throws InputException, AdvisoryException {
        try (AdvisoryDatabase database = AdvisoryDatabase.open(file(), environment.clock())) {
            ImportCounts c = new OsvImporter(database).importAll(paths);
            return new Imported(database.file(), c.files(), c.added(), c.updated(), c.unchanged(), c.otherEcosystem(),
                    c.malformed(), c.firstProblems());
        } catch (NoSuchFileException e) {
            throw new InputException(new Location(e.getFile(), 0), "no such file or directory; nothing was imported",
                    e);
        } catch (IOException e) {
            String input = paths.size() == 1 ? paths.getFirst().toString() : "the input";
            throw new InputException(new Location(input, 0), "cannot read it (" + Problems.describe(e)
                    + "); nothing was imported and the database is as it was", e);
        }
    }

    /**
     * What the database holds; opening it migrates an older schema.
     *
     * @throws AdvisoryException the database could not be opened or read
     */
    public Status status() throws AdvisoryException {
        try (AdvisoryDatabase database = AdvisoryDatabase.open(file(), environment.clock())) {
            DatabaseStatus s = database.status();
            return new Status(s.path(), s.advisories(), s.malware(), s.withdrawn(), s.packages(), s.newestModified(),
                    s.imports().stream().map(i -> new Import(i.source(), i.importedAt(), i.files(), i.added(),
                            i.updated(), i.unchanged(), i.otherEcosystem(), i.malformed())).toList());
        }
    }

    /**
     * One advisory of the local database that affects some of the versions asked about, as npm's bulk advisory
     * endpoint answers it (the registry firewall serves that endpoint from here).
     *
     * @param severity npm's word: low, moderate, high or critical (malware is critical; unrated is moderate)
     * @param versions the versions asked about that it affects
     */
    public record Affecting(String name, String id, String url, String summary, String severity, boolean malware,
                            List<String> versions) {
        public Affecting {
            versions = List.copyOf(versions);
        }
    }

    /**
     * The advisories affecting each package's versions, by name (names without any are left out).
     *
     * @throws AdvisoryException there is no database, or it cannot be read
     */
    public java.util.Map<String, List<Affecting>> affecting(java.util.Map<String, List<String>> versionsByName)
            throws AdvisoryException {
        if (!exists()) {
            throw new AdvisoryException("no local advisory database at " + file()
                    + ": import one with portcullis db import (docs/advisories.md)");
        }
        java.util.Map<String, List<Affecting>> found = new java.util.TreeMap<>();
        try (AdvisoryDatabase database = AdvisoryDatabase.openForReading(file(), environment.clock())) {
            dev.portcullis.advisory.AdvisoryMatcher matcher = new dev.portcullis.advisory.AdvisoryMatcher(
                    database.load(versionsByName.keySet()));
            versionsByName.forEach((name, versions) -> {
                java.util.Map<String, List<dev.portcullis.advisory.AdvisoryMatch>> byId = new java.util.TreeMap<>();
                for (String version : new java.util.TreeSet<>(versions)) {
                    for (dev.portcullis.advisory.AdvisoryMatch match : matcher.match(name, version)) {
                        byId.computeIfAbsent(match.id(), k -> new java.util.ArrayList<>()).add(match);
                    }
                }
                byId.forEach((id, matches) -> {
                    dev.portcullis.advisory.AdvisoryMatch first = matches.getFirst();
                    String severity = first.malware() ? "critical" : first.rating() == null ? "moderate"
                            : switch (first.rating()) {
                                case CRITICAL -> "critical";
                                case HIGH -> "high";
                                case MEDIUM -> "moderate";
                                case LOW, INFO -> "low";
                            };
                    found.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(new Affecting(name, id,
                            first.url(), first.summary(), severity, first.malware(),
                            matches.stream().map(dev.portcullis.advisory.AdvisoryMatch::version).toList()));
                });
            });
        }
        return found;
    }
}
