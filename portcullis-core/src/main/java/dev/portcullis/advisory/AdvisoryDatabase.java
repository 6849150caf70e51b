package dev.portcullis.advisory;

import dev.portcullis.model.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The local advisory database: an embedded H2 database in one file, its schema kept by Flyway migrations
 * ({@code resources/db/migration}). H2 because it is pure Java (no native library to unpack), runs embedded for the
 * CLI and in server mode for a registry server that shares the data later, and imports 200,000 records in seconds.
 * One instance holds one connection; it is not shared between threads.
 */
public final class AdvisoryDatabase implements AutoCloseable {
    /** H2 adds this to the name it is given. */
    public static final String SUFFIX = ".mv.db";
    private static final int BATCH = 1_000;
    private static final int NAMES_PER_QUERY = 500;
    /** The highest migration in resources/db/migration; readers refuse an older database. */
    static final int SCHEMA_VERSION = 1;

    private final Path file;
    private final Connection connection;
    private final Clock clock;

    private AdvisoryDatabase(Path file, Connection connection, Clock clock) {
        this.file = file;
        this.connection = connection;
        this.clock = clock;
    }

    /**
     * The database file a user means: {@code PORTCULLIS_DB} when set, else {@code portcullis/advisories.mv.db} under
     * {@code XDG_DATA_HOME} or {@code ~/.local/share}.
     */
    public static Path defaultPath(Map<String, String> env, Path home) {
        String explicit = env.get("PORTCULLIS_DB");
        if (explicit != null && !explicit.isBlank()) {
            return normalise(Path.of(explicit));
        }
        String data = env.get("XDG_DATA_HOME");
        Path base = data != null && !data.isBlank() ? Path.of(data) : home.resolve(".local").resolve("share");
        return base.resolve("portcullis").resolve("advisories" + SUFFIX);
    }

    /** {@code path} with H2's suffix, which users may leave off. */
    public static Path normalise(Path path) {
        return path.getFileName().toString().endsWith(SUFFIX) ? path : path.resolveSibling(path.getFileName() + SUFFIX);
    }

    /** Whether a database exists at {@code path} (nothing is created by asking). */
    public static boolean exists(Path path) {
        return Files.isRegularFile(normalise(path));
    }

    /**
     * Opens an existing database for reading only, without a lock, so that parallel scans on one machine share it.
     * The schema is not migrated here: a database of an older schema asks for {@code db status}, which migrates.
     */
    public static AdvisoryDatabase openForReading(Path path, Clock clock) throws AdvisoryException {
        Path file = normalise(path).toAbsolutePath();
        String name = file.toString().substring(0, file.toString().length() - SUFFIX.length());
        // IFEXISTS: never create an empty database by reading; ACCESS_MODE_DATA=r with no file lock: readers only.
        String url = "jdbc:h2:file:" + name + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r;FILE_LOCK=NO;COMPRESS=TRUE";
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, "sa", "");
        } catch (SQLException e) {
            throw cannotOpen(file, e);
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\" "
                     + "WHERE \"success\"")) {
            int version = rs.next() ? rs.getInt(1) : 0;
            if (version < SCHEMA_VERSION) {
                closeQuietly(connection);
                throw new AdvisoryException("the advisory database " + file + " has an older schema (version "
                        + version + ", this portcullis reads " + SCHEMA_VERSION + "): run `portcullis db status` "
                        + "once to upgrade it");
            }
            connection.setAutoCommit(false);
            return new AdvisoryDatabase(file, connection, clock);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw cannotOpen(file, e);
        }
    }

    /** Opens the database at {@code path}, creating it and its directory when missing and migrating its schema. */
    public static AdvisoryDatabase open(Path path, Clock clock) throws AdvisoryException {
        Path file = normalise(path).toAbsolutePath();
        String name = file.toString().substring(0, file.toString().length() - SUFFIX.length());
        // FILE_LOCK=FS refuses a second writer with a clear error instead of sharing a half-written file;
        // COMPRESS keeps the file about a third of its size (records are repetitive JSON) at no cost in import time.
        String url = "jdbc:h2:file:" + name + ";FILE_LOCK=FS;DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE";
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new AdvisoryException("cannot create the directory of the advisory database " + file + ": "
                    + Problems.describe(e), e);
        }
        Connection connection;
        try {
            // The first connection keeps the database open while Flyway uses (and closes) its own.
            connection = DriverManager.getConnection(url, "sa", "");
        } catch (SQLException e) {
            throw cannotOpen(file, e);
        }
        try {
            migrate(url);
            connection.setAutoCommit(false);
            return new AdvisoryDatabase(file, connection, clock);
        } catch (SQLException | FlywayException e) {
            closeQuietly(connection);
            throw cannotOpen(file, e);
        }
    }

    private static AdvisoryException cannotOpen(Path file, Exception e) {
        String reason = Problems.describe(e).lines().findFirst().orElse("");
        if (reason.contains("already in use") || reason.contains("locked")) {
            return new AdvisoryException("the advisory database " + file + " is in use by another portcullis "
                    + "process; try again when it has finished (" + reason + ")", e);
        }
        return new AdvisoryException("cannot open the advisory database " + file + ": " + reason
                + ". If the file is damaged, delete it and import again: rm " + file
                + " && portcullis db import <all.zip>", e);
    }

    private static void migrate(String url) {
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .loggers(FlywayWarnings.class.getName())
                .load()
                .migrate();
    }

    public Path file() {
        return file;
    }

    /** Starts an import: everything it adds becomes visible at {@link Import#commit}, or not at all. */
    public Import beginImport(String source) throws AdvisoryException {
        try {
            Map<String, Instant> known = new HashMap<>();
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, modified FROM advisory")) {
                while (rs.next()) {
                    known.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
            return new Import(source, known);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** What happened to one record offered to an import. */
    public enum Upsert { ADDED, UPDATED, UNCHANGED }

    /**
     * One import in progress, in one transaction. Records are written in batches; nothing is visible to other
     * readers, and nothing survives a crash or an exception, until {@link #commit} writes the import log row and
     * commits.
     */
    public final class Import implements AutoCloseable {
        private final String source;
        private final Map<String, Instant> known;
        private final List<OsvRecord> pending = new ArrayList<>();
        private final List<String> replaced = new ArrayList<>();
        private boolean done;

        private Import(String source, Map<String, Instant> known) {
            this.source = source;
            this.known = known;
        }

        /** Adds or replaces the advisory when it is new or its {@code modified} is newer than the stored one. */
        public Upsert add(OsvRecord record) throws AdvisoryException {
            Advisory advisory = record.advisory();
            Instant stored = known.get(advisory.id());
            if (stored != null && !advisory.modified().isAfter(stored)) {
                return Upsert.UNCHANGED;
            }
            if (stored != null) {
                replaced.add(advisory.id());
            }
            known.put(advisory.id(), advisory.modified());
            pending.add(record);
            if (pending.size() >= BATCH) {
                flush();
            }
            return stored == null ? Upsert.ADDED : Upsert.UPDATED;
        }

        private void flush() throws AdvisoryException {
            try {
                if (!replaced.isEmpty()) {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM advisory WHERE id = ?")) {
                        for (String id : replaced) {
                            delete.setString(1, id);
                            delete.addBatch();
                        }
                        delete.executeBatch();
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO advisory (id, modified, "
                        + "published, withdrawn, aliases, summary, rating, malware, source) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                     PreparedStatement document = connection.prepareStatement("INSERT INTO advisory_document (id, "
                             + "details, severity, database_specific, raw) VALUES (?, ?, ?, ?, ?)");
                     PreparedStatement affected = connection.prepareStatement("INSERT INTO affected (advisory_id, "
                             + "ordinal, package_name, ranges, versions, withdrawn, modified, aliases, summary, rating, "
                             + "malware) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (OsvRecord record : pending) {
                        Advisory a = record.advisory();
                        insert.setString(1, a.id());
                        insert.setObject(2, time(a.modified()));
                        setTime(insert, 3, record.published());
                        setTime(insert, 4, a.withdrawn());
                        insert.setString(5, String.join(" ", a.aliases()));
                        insert.setString(6, a.summary());
                        insert.setString(7, a.rating() == null ? null : a.rating().id());
                        insert.setBoolean(8, a.malware());
                        insert.setString(9, source);
                        insert.addBatch();
                        document.setString(1, a.id());
                        document.setString(2, record.details());
                        document.setString(3, record.severityJson());
                        document.setString(4, record.databaseSpecificJson());
                        document.setString(5, record.raw());
                        document.addBatch();
                        for (int k = 0; k < a.affected().size(); k++) {
                            AffectedPackage p = a.affected().get(k);
                            affected.setString(1, a.id());
                            affected.setInt(2, k);
                            affected.setString(3, p.name());
                            affected.setString(4, RangeCodec.ranges(p.ranges()));
                            affected.setString(5, RangeCodec.versions(p.versions()));
                            affected.setBoolean(6, a.withdrawn() != null);
                            affected.setObject(7, time(a.modified()));
                            affected.setString(8, String.join(" ", a.aliases()));
                            affected.setString(9, a.summary());
                            affected.setString(10, a.rating() == null ? null : a.rating().id());
                            affected.setBoolean(11, a.malware());
                            affected.addBatch();
                        }
                    }
                    insert.executeBatch();
                    document.executeBatch();
                    affected.executeBatch();
                }
                pending.clear();
                replaced.clear();
            } catch (SQLException e) {
                throw failure("write", e);
            }
        }

        /** Writes the remaining records and the log row, then commits: the import becomes visible at once. */
        public void commit(ImportCounts counts) throws AdvisoryException {
            flush();
            try (PreparedStatement log = connection.prepareStatement("INSERT INTO import_log (source, imported_at, "
                    + "files, records_new, records_updated, records_unchanged, other_ecosystem, malformed) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                log.setString(1, source);
                log.setObject(2, time(clock.instant()));
                log.setInt(3, counts.files());
                log.setInt(4, counts.added());
                log.setInt(5, counts.updated());
                log.setInt(6, counts.unchanged());
                log.setInt(7, counts.otherEcosystem());
                log.setInt(8, counts.malformed());
                log.executeUpdate();
                connection.commit();
                done = true;
            } catch (SQLException e) {
                throw failure("commit", e);
            }
        }

        /** Rolls back unless committed: an import that failed leaves the previous data as it was. */
        @Override
        public void close() throws AdvisoryException {
            if (!done) {
                done = true;
                try {
                    connection.rollback();
                } catch (SQLException e) {
                    throw failure("roll back", e);
                }
            }
        }
    }

    /** The advisories (withdrawn ones excluded) affecting any of {@code names}, read through the name index. */
    public AdvisoryIndex load(Collection<String> names) throws AdvisoryException {
        AdvisoryIndex.Builder builder = AdvisoryIndex.builder();
        List<String> all = new ArrayList<>(new java.util.TreeSet<>(names));
        try {
            for (int from = 0; from < all.size(); from += NAMES_PER_QUERY) {
                List<String> slice = all.subList(from, Math.min(all.size(), from + NAMES_PER_QUERY));
                // An IN list of parameters is what H2 answers from the name index (ANY(array) scans the table).
                String marks = String.join(", ", java.util.Collections.nCopies(slice.size(), "?"));
                try (PreparedStatement query = connection.prepareStatement(SELECT + " AND package_name IN ("
                        + marks + ")")) {
                    for (int k = 0; k < slice.size(); k++) {
                        query.setString(k + 1, slice.get(k));
                    }
                    read(query, builder);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return builder.build();
    }

    /** Every advisory that is not withdrawn: for a server that matches many projects, and for benchmarks. */
    public AdvisoryIndex loadAll() throws AdvisoryException {
        AdvisoryIndex.Builder builder = AdvisoryIndex.builder();
        try (PreparedStatement query = connection.prepareStatement(SELECT)) {
            read(query, builder);
            connection.commit();
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return builder.build();
    }

    private static final String SELECT = "SELECT advisory_id, modified, aliases, summary, rating, malware, "
            + "package_name, ranges, versions FROM affected WHERE NOT withdrawn";

    private static void read(PreparedStatement query, AdvisoryIndex.Builder builder) throws SQLException {
        query.setFetchSize(BATCH);
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                String aliases = rs.getString(3);
                String rating = rs.getString(5);
                builder.add(new AdvisoryIndex.Entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        aliases.isEmpty() ? List.of() : List.of(aliases.split(" ")), rs.getString(4),
                        rating == null ? null : dev.portcullis.model.Severity.parse(rating), rs.getBoolean(6),
                        new AffectedPackage(rs.getString(7), RangeCodec.parseRanges(rs.getString(8)),
                                RangeCodec.parseVersions(rs.getString(9)))));
            }
        }
    }

    /** Counts, sources and ages. */
    public DatabaseStatus status() throws AdvisoryException {
        try (Statement s = connection.createStatement()) {
            int advisories;
            int malware;
            int withdrawn;
            Instant newest;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(CASE WHEN malware THEN 1 END), "
                    + "COUNT(withdrawn), MAX(modified) FROM advisory")) {
                rs.next();
                advisories = rs.getInt(1);
                malware = rs.getInt(2);
                withdrawn = rs.getInt(3);
                OffsetDateTime max = rs.getObject(4, OffsetDateTime.class);
                newest = max == null ? null : max.toInstant();
            }
            int packages;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT package_name) FROM affected")) {
                rs.next();
                packages = rs.getInt(1);
            }
            List<DatabaseStatus.Import> imports = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT source, imported_at, files, records_new, records_updated, "
                    + "records_unchanged, other_ecosystem, malformed FROM import_log ORDER BY id DESC")) {
                while (rs.next()) {
                    imports.add(new DatabaseStatus.Import(rs.getString(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getInt(3), rs.getInt(4),
                            rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)));
                }
            }
            connection.commit();
            return new DatabaseStatus(file, advisories, malware, withdrawn, packages, newest, imports);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    private AdvisoryException failure(String what, SQLException e) {
        return new AdvisoryException("cannot " + what + " the advisory database " + file + ": "
                + Problems.describe(e).lines().findFirst().orElse("") + ". If the file is damaged, delete it and "
                + "import again: rm " + file + " && portcullis db import <all.zip>", e);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void setTime(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, time(instant));
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing with a better message
        }
    }

    @Override
    public void close() throws AdvisoryException {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

}
