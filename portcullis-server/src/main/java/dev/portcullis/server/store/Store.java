package dev.portcullis.server.store;

import dev.portcullis.advisory.FlywayWarnings;
import dev.portcullis.model.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The firewall's decisions, audit events and upstream documents in an embedded H2 database, its schema kept by
 * the Flyway migrations in {@code db/server} (plain SQL that PostgreSQL runs too). Every write is one committed
 * transaction written to the file before it returns ({@code WRITE_DELAY=0}), so a process killed at any moment
 * keeps every decision it reported.
 */
public final class Store implements AutoCloseable {
    private static final String SEPARATOR = "\n";
    private final Path file;
    private final JdbcConnectionPool pool;

    private Store(Path file, JdbcConnectionPool pool) {
        this.file = file;
        this.pool = pool;
    }

    /** Opens (creating and migrating) the store under {@code dir}. */
    public static Store open(Path dir) throws StoreException {
        Path base = dir.toAbsolutePath().resolve("portcullis");
        String url = "jdbc:h2:file:" + base + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        try {
            Files.createDirectories(dir);
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
            pool.setMaxConnections(16);
            try (Connection keepOpen = pool.getConnection()) {
                Flyway.configure().dataSource(pool).locations("classpath:db/server")
                        .loggers(FlywayWarnings.class.getName()).load().migrate();
            }
            return new Store(Path.of(base + ".mv.db"), pool);
        } catch (java.io.IOException | SQLException | FlywayException e) {
            throw new StoreException("cannot open the store " + base + ".mv.db: " + Problems.describe(e)
                    + (Problems.describe(e).contains("locked") ? " (is another portcullis serve using it?)" : ""), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The decision on {@code name@version} made under {@code policyRevision}, if any. */
    public Optional<Decision> decision(String name, String version, String policyRevision) throws StoreException {
        String sql = "SELECT kind, until_time, reasons, evidence, sha512, decided_at FROM decision"
                + " WHERE package_name = ? AND version = ? AND policy_revision = ?";
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            s.setString(2, version);
            s.setString(3, policyRevision);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Decision(name, version, policyRevision, DecisionKind.valueOf(r.getString(1)),
                        instant(r.getObject(2, OffsetDateTime.class)), reasons(r.getString(3)), r.getString(4),
                        r.getString(5), instant(r.getObject(6, OffsetDateTime.class))));
            }
        } catch (SQLException e) {
            throw failure("read the decision on " + name + "@" + version, e);
        }
    }

    /** Every decision on {@code name}'s versions under {@code policyRevision}, by version. */
    public Map<String, Decision> decisions(String name, String policyRevision) throws StoreException {
        String sql = "SELECT version, kind, until_time, reasons, evidence, sha512, decided_at FROM decision"
                + " WHERE package_name = ? AND policy_revision = ?";
        Map<String, Decision> found = new java.util.HashMap<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            s.setString(2, policyRevision);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(r.getString(1), new Decision(name, r.getString(1), policyRevision,
                            DecisionKind.valueOf(r.getString(2)), instant(r.getObject(3, OffsetDateTime.class)),
                            reasons(r.getString(4)), r.getString(5), r.getString(6),
                            instant(r.getObject(7, OffsetDateTime.class))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure("read the decisions on " + name, e);
        }
    }

    /** Records {@code decision} (replacing one of the same version and revision) and its audit event, together. */
    public void put(Decision decision) throws StoreException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("MERGE INTO decision (package_name, version,"
                        + " policy_revision, kind, until_time, reasons, evidence, sha512, decided_at)"
                        + " KEY (package_name, version, policy_revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, decision.name());
                    s.setString(2, decision.version());
                    s.setString(3, decision.policyRevision());
                    s.setString(4, decision.kind().name());
                    s.setObject(5, time(decision.until()));
                    s.setString(6, String.join(SEPARATOR, decision.reasons()));
                    s.setString(7, decision.evidence());
                    s.setString(8, decision.sha512());
                    s.setObject(9, time(decision.decidedAt()));
                    s.executeUpdate();
                }
                insertEvent(c, decision.decidedAt(), decision.name(), decision.version(),
                        "decision:" + decision.kind().id(), String.join(SEPARATOR, decision.reasons()));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("record the decision on " + decision.id(), e);
        }
    }

    /** Appends an audit event (a refused tarball, a discarded blob). */
    public void event(Instant at, String name, String version, String kind, String detail) throws StoreException {
        try (Connection c = pool.getConnection()) {
            insertEvent(c, at, name, version, kind, detail);
        } catch (SQLException e) {
            throw failure("record an event for " + name, e);
        }
    }

    private static void insertEvent(Connection c, Instant at, String name, String version, String kind, String detail)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_event (at_time, package_name, version, kind,"
                + " detail) VALUES (?, ?, ?, ?, ?)")) {
            s.setObject(1, time(at));
            s.setString(2, name);
            s.setString(3, version);
            s.setString(4, kind);
            s.setString(5, detail);
            s.executeUpdate();
        }
    }

    /** One audit event, as read back. */
    public record Event(Instant at, String name, String version, String kind, String detail) {
    }

    /** The audit events about {@code name}, oldest first. */
    public List<Event> events(String name) throws StoreException {
        List<Event> events = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT at_time, version,"
                + " kind, detail FROM audit_event WHERE package_name = ? ORDER BY id")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new Event(instant(r.getObject(1, OffsetDateTime.class)), name, r.getString(2),
                            r.getString(3), r.getString(4)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw failure("read the events of " + name, e);
        }
    }

    /** The upstream document stored for {@code name}, if any. */
    public Optional<byte[]> packument(String name) throws StoreException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT document FROM packument WHERE package_name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the stored document of " + name, e);
        }
    }

    public void putPackument(String name, byte[] document, Instant fetchedAt) throws StoreException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "MERGE INTO packument (package_name, document, fetched_at) KEY (package_name) VALUES (?, ?, ?)")) {
            s.setString(1, name);
            s.setBytes(2, document);
            s.setObject(3, time(fetchedAt));
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("store the document of " + name, e);
        }
    }

    /** How many current-revision decisions there are of each kind (health and metrics). */
    public Map<DecisionKind, Long> counts(String policyRevision) throws StoreException {
        Map<DecisionKind, Long> counts = new EnumMap<>(DecisionKind.class);
        for (DecisionKind kind : DecisionKind.values()) {
            counts.put(kind, 0L);
        }
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT kind, COUNT(*) FROM decision WHERE policy_revision = ? GROUP BY kind")) {
            s.setString(1, policyRevision);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(DecisionKind.valueOf(r.getString(1)), r.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw failure("count the decisions", e);
        }
    }

    /** Whether the database answers (readiness). */
    public boolean healthy() {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT 1")) {
            s.executeQuery().close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static List<String> reasons(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR, -1));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + " in the store " + file + ": " + Problems.describe(e), e);
    }

    @Override
    public void close() {
        pool.dispose();
    }

}
