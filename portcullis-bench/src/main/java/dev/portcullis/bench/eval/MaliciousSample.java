package dev.portcullis.bench.eval;

import dev.portcullis.model.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One directory of {@code evaluation/malicious}: a small package reproducing a documented attack, with the verdict
 * its {@code SAMPLE.md} expects ({@code - Expected verdict: block} or {@code review}). A sample meets its
 * expectation when the verdict is at least the expected one: a {@code review} sample that is blocked is not a miss.
 *
 * @param name     the directory name, e.g. {@code 01-event-stream-flatmap-stream}
 * @param dir      the directory
 * @param expected the verdict the sample must at least get
 */
public record MaliciousSample(String name, Path dir, Verdict expected) {
    private static final Pattern EXPECTED = Pattern.compile("(?im)^-\\s*Expected verdict:\\s*(block|review)\\b");

    /** Every sample directory under {@code root}, sorted by name; a sample without an expected verdict is an error. */
    public static List<MaliciousSample> load(Path root) throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            List<Path> dirs = list.filter(Files::isDirectory).sorted().toList();
            List<MaliciousSample> samples = new java.util.ArrayList<>();
            for (Path dir : dirs) {
                samples.add(of(dir));
            }
            return List.copyOf(samples);
        }
    }

    static MaliciousSample of(Path dir) throws IOException {
        Path notes = dir.resolve(SamplePacker.NOTES);
        if (!Files.isRegularFile(notes)) {
            throw new IOException(dir + " has no " + SamplePacker.NOTES);
        }
        Matcher m = EXPECTED.matcher(Files.readString(notes));
        if (!m.find()) {
            throw new IOException(notes + " has no '- Expected verdict: block|review' line");
        }
        Verdict expected = Verdict.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        return new MaliciousSample(dir.getFileName().toString(), dir, expected);
    }

    /** Whether {@code verdict} meets this sample's expectation. */
    public boolean met(Verdict verdict) {
        return verdict.max(expected) == verdict;
    }
}
