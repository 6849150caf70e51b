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
     * The default policy for a project whose tree has these install-script packages ({@code name@version}):
     * they are listed, commented out, under scripts.allow for the user to review and enable one by one.
     */
    public static String forProject(List<String> installScriptPackages) {
        String text = defaults();
        if (installScriptPackages.isEmpty()) {
            return text;
        }
        StringBuilder list = new StringBuilder();
        list.append("  # This project's tree has ").append(installScriptPackages.size())
                .append(" package(s) with install scripts. Review each\n")
                .append("  # (portcullis inspect NAME@VERSION), then uncomment the ones you trust:\n")
                .append("  allow:\n");
        for (String id : installScriptPackages) {
            list.append("    # - ").append(id).append('\n');
        }
        String marker = "  allow: []\n\n# Change a rule's severity";
        if (!text.contains(marker)) {
            throw new IllegalStateException("default-policy.yml no longer has the scripts.allow line");
        }
        return text.replace(marker, list + "\n# Change a rule's severity");
    }
}
