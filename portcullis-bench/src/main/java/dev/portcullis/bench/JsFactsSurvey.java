package dev.portcullis.bench;

import dev.portcullis.js.Fact;
import dev.portcullis.js.FactKind;
import dev.portcullis.js.FileFacts;
import dev.portcullis.js.JsFacts;
import dev.portcullis.js.JsOptions;
import dev.portcullis.tarball.TarballContents;
import dev.portcullis.tarball.TarballFile;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the JavaScript facts say about benign, popular packages: every file of each package (fetched with
 * {@code npm pack} into the benchmark cache, read with {@link TarballReader}) through {@link JsFacts#extract}, and
 * the threat-signal facts counted by kind and detail, each with its first place. Capabilities (network, child
 * processes, requires) are expected in such packages and not listed; signals are what rules combine with them, so
 * every one here is a false-positive risk for the rules to weigh.
 *
 * <pre>java -cp portcullis-bench/target/benchmarks.jar dev.portcullis.bench.JsFactsSurvey lodash@4.17.21 …</pre>
 */
public final class JsFactsSurvey {
    private static final Set<FactKind> SIGNALS = EnumSet.of(FactKind.SENSITIVE_PATH, FactKind.ENCODED_PAYLOAD,
            FactKind.OBFUSCATION, FactKind.INVISIBLE_UNICODE, FactKind.TIME_GATE, FactKind.LOCALE_CHECK,
            FactKind.ENV_BULK, FactKind.REMOTE_IMPORT, FactKind.PIPE_TO_SHELL, FactKind.NPM_PUBLISH,
            FactKind.UNPARSABLE, FactKind.STRING_MATCH, FactKind.RUNTIME_INSTALL);

    private JsFactsSurvey() {
    }

    public static void main(String[] specs) throws IOException, InterruptedException {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> firstPlace = new TreeMap<>();
        long bytes = 0;
        int files = 0;
        long nanos = 0;
        for (String spec : specs) {
            TarballContents contents = contents(spec);
            for (TarballFile file : contents.files()) {
                long start = System.nanoTime();
                FileFacts facts = JsFacts.extract(file.path(), file.content(), JsOptions.defaults());
                nanos += System.nanoTime() - start;
                if (facts.language() == FileFacts.Language.OTHER) {
                    continue;
                }
                files++;
                bytes += file.size();
                for (Fact fact : facts.facts()) {
                    if (SIGNALS.contains(fact.kind())) {
                        String key = fact.kind().id() + " " + fact.detail();
                        counts.merge(key, 1, Integer::sum);
                        firstPlace.putIfAbsent(key, spec + " " + file.path() + ":" + fact.line() + "  " + fact.evidence());
                    }
                }
            }
        }
        System.out.printf("%d packages, %d files analysed (JavaScript, scripts, binaries), %d bytes, %.1f s%n",
                specs.length, files, bytes, nanos / 1e9);
        counts.forEach((key, count) -> System.out.printf("%6d  %-40s %s%n", count, key, firstPlace.get(key)));
    }

    private static TarballContents contents(String spec) throws IOException, InterruptedException {
        try (InputStream in = Files.newInputStream(JsFactsBenchmark.tarball(spec))) {
            return TarballReader.read(in, TarballLimits.defaults());
        }
    }
}
