package dev.portcullis.analysis.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.json.Json;
import dev.portcullis.tarball.TarballFile;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The package.json of a tarball's files, as a tree, for {@code meta/manifest-confusion}. */
public final class TarballManifest {
    private TarballManifest() {
    }

    /** The root package.json, empty when there is none or it is not a JSON object. */
    public static Optional<JsonNode> of(List<TarballFile> files) {
        for (TarballFile file : files) {
            if (file.path().equals("package.json")) {
                try {
                    JsonNode tree = Json.mapper().readTree(file.text());
                    return tree != null && tree.isObject() ? Optional.of(tree) : Optional.empty();
                } catch (IOException e) {
                    return Optional.empty(); // a broken manifest is the content rules' finding, not a comparison
                }
            }
        }
        return Optional.empty();
    }
}
