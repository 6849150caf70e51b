package dev.portcullis.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The commented default policy that {@code portcullis init} writes (resource default-policy.yml). */
public final class PolicyTemplate {
    private PolicyTemplate() {
    }

    /** The default policy text, exactly as shipped. */
    public static String defaults() {
        try (InputStream in = PolicyTemplate.class.getResourceAsStream("default-policy.yml")) {
            if (in == null) {
                throw new IllegalStateException("default-policy.yml is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The default policy for a project whose tree has these install-script packages ({@code name@version}): they are
     * proposed as one commented {@code allow:} line under scripts, so that accepting them all is one edit (delete
     * its {@code #}), and trusting only some is deleting the others from that line. Each is quoted: a scoped name's
     * {@code @} cannot start a plain YAML scalar.
     */
    public static String forProject(List<String> installScriptPackages) {
        String text = defaults();
        if (installScriptPackages.isEmpty()) {
            return text;
        }
        String proposal = "  # This project's tree has " + installScriptPackages.size() + " package(s) with install "
                + "scripts. Review them\n"
                + "  # (portcullis inspect NAME@VERSION), then accept them by deleting the \"# \" before \"allow:\" on\n"
                + "  # the next line (delete from the list any you do not trust):\n"
                + "  # allow: [" + String.join(", ", installScriptPackages.stream().map(id -> '"' + id + '"')
                .toList()) + "]\n";
        String marker = "  allow: []\n\n# Change a rule's severity";
        if (!text.contains(marker)) {
            throw new IllegalStateException("default-policy.yml no longer has the scripts.allow line");
        }
        return text.replace(marker, proposal + "\n# Change a rule's severity");
    }
}
