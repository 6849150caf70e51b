package dev.portcullis.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code portcullis db import}: OSV JSON files, directories of them (searched recursively) and zip archives such as
 * OSV's {@code npm/all.zip}, read one record at a time so that memory stays bounded by the largest record. A file
 * may hold one record, an array of records, or an OSV API answer ({@code {"vulns": […]}}). Only npm advisories are
 * stored; records of other ecosystems are counted, malformed ones skipped with their reasons. Everything named on
 * one command line is one transaction: an import that fails half-way leaves the database as it was.
 */
public final class OsvImporter {
    /** The width of the database's {@code source} column. */
    private static final int MAX_SOURCE_CHARS = 1000;
    private final AdvisoryDatabase database;
    private final ObjectMapper mapper;
    private final OsvParser parser;
    private final ImportLimits limits;

    /** An importer with the project's JSON mapper and the default limits. */
    public OsvImporter(AdvisoryDatabase database) {
        this(database, dev.portcullis.json.Json.mapper(), ImportLimits.defaults());
    }

    public OsvImporter(AdvisoryDatabase database, ObjectMapper mapper, ImportLimits limits) {
        this.database = database;
        this.mapper = mapper;
        this.parser = new OsvParser(mapper);
        this.limits = limits;
    }

    /**
     * Imports {@code paths} in one transaction.
     *
     * @throws IOException when a path cannot be read (a missing file, a truncated zip): nothing was imported
     */
    public ImportCounts importAll(List<Path> paths) throws IOException, AdvisoryException {
        List<String> sources = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such file or directory");
            }
            sources.add(path.toAbsolutePath().normalize().toString());
        }
        Tally tally = new Tally(limits.problemsKept());
        String source = String.join(", ", sources);
        if (source.length() > MAX_SOURCE_CHARS) {
            // the database keeps this much of the list of what was imported; the counts are complete
            source = source.substring(0, MAX_SOURCE_CHARS - 1) + "…";
        }
        try (AdvisoryDatabase.Import batch = database.beginImport(source)) {
            for (Path path : paths) {
                importPath(path, batch, tally);
            }
            ImportCounts counts = tally.counts();
            batch.commit(counts);
            return counts;
        }
    }

    private void importPath(Path path, AdvisoryDatabase.Import batch, Tally tally)
            throws IOException, AdvisoryException {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).filter(OsvImporter::isImportable).sorted().toList();
            }
            for (Path file : files) {
                importFile(file, batch, tally);
            }
        } else {
            importFile(path, batch, tally);
        }
    }

    private static boolean isImportable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".zip");
    }

    private void importFile(Path file, AdvisoryDatabase.Import batch, Tally tally)
            throws IOException, AdvisoryException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            // Read through the central directory: an entry declared larger than a record is skipped without
            // inflating it, and one that inflates beyond its declared size is cut off at the record limit.
            try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    if (entry.isDirectory() || !entry.getName().toLowerCase(Locale.ROOT).endsWith(".json")) {
                        continue;
                    }
                    String name = file.getFileName() + "!" + entry.getName();
                    if (entry.getSize() > limits.maxRecordBytes()) {
                        tally.files++;
                        tally.malformed(name, "larger than " + limits.maxRecordBytes() + " bytes");
                        continue;
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        document(name, in, batch, tally);
                    }
                }
            } catch (java.util.zip.ZipException e) {
                throw new IOException(file + " is not a readable zip archive: " + e.getMessage(), e);
            }
        } else {
            try (InputStream in = Files.newInputStream(file)) {
                document(file.toString(), in, batch, tally);
            }
        }
    }

    private void document(String name, InputStream in, AdvisoryDatabase.Import batch, Tally tally)
            throws IOException, AdvisoryException {
        tally.files++;
        byte[] bytes = in.readNBytes((int) limits.maxRecordBytes() + 1);
        tally.bytes += bytes.length;
        if (tally.bytes > limits.maxImportBytes()) {
            throw new IOException("the import read more than " + limits.maxImportBytes() + " bytes of records"
                    + " (ImportLimits.maxImportBytes) at " + name + ": stopped, nothing was imported");
        }
        if (bytes.length > limits.maxRecordBytes()) {
            tally.malformed(name, "larger than " + limits.maxRecordBytes() + " bytes");
            return;
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            tally.malformed(name, "not JSON: " + e.getOriginalMessage());
            return;
        }
        if (tree != null && tree.isObject() && tree.has("vulns") && !tree.has("id")) {
            tree = tree.get("vulns");
        }
        if (tree != null && tree.isArray()) {
            for (int k = 0; k < tree.size(); k++) {
                JsonNode item = tree.get(k);
                record(name + "[" + k + "]", item, mapper.writeValueAsString(item), batch, tally);
            }
        } else {
            record(name, tree, new String(bytes, StandardCharsets.UTF_8), batch, tally);
        }
    }

    private void record(String name, JsonNode node, String raw, AdvisoryDatabase.Import batch, Tally tally)
            throws AdvisoryException {
        switch (parser.parse(node, raw)) {
            case OsvParser.Outcome.Npm npm -> {
                switch (batch.add(npm.record())) {
                    case ADDED -> tally.added++;
                    case UPDATED -> tally.updated++;
                    case UNCHANGED -> tally.unchanged++;
                }
            }
            case OsvParser.Outcome.OtherEcosystem other -> tally.otherEcosystem++;
            case OsvParser.Outcome.Malformed bad -> tally.malformed(name, bad.reason());
        }
    }

    /** Running counts of one import. */
    private static final class Tally {
        private final int keep;
        private final List<String> problems = new ArrayList<>();
        private int files;
        private int added;
        private int updated;
        private int unchanged;
        private int otherEcosystem;
        private int malformed;
        private long bytes;

        Tally(int keep) {
            this.keep = keep;
        }

        void malformed(String name, String reason) {
            malformed++;
            if (problems.size() < keep) {
                problems.add(name + ": " + reason);
            }
        }

        ImportCounts counts() {
            return new ImportCounts(files, added, updated, unchanged, otherEcosystem, malformed, problems);
        }
    }
}
