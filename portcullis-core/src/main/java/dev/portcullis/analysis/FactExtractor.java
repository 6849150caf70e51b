package dev.portcullis.analysis;

import dev.portcullis.js.Fact;
import dev.portcullis.js.FileFacts;
import java.util.List;

/**
 * Where facts come from: the JavaScript and command extractor of the {@code js} package in production, hand-built
 * facts in tests of the rules. Implementations must be thread-safe.
 */
interface FactExtractor {
    /** The facts of one file of a package ({@code path} relative to the package root). */
    FileFacts file(String path, byte[] content);

    /** The facts of a file that node runs or requires, read as JavaScript whatever its name. */
    default FileFacts javaScript(String path, byte[] content) {
        return file(path, content);
    }

    /** The facts of one shell command, such as a package.json lifecycle script, at {@code line}. */
    List<Fact> command(String command, int line);
}
