package dev.portcullis.verify;

import java.util.Locale;
import java.util.Objects;

/**
 * Who built a version, as its provenance certificate (Fulcio) says.
 *
 * @param issuer the OIDC issuer ({@code https://token.actions.githubusercontent.com})
 * @param san the certificate's subject alternative name: the workflow that signed, with its ref
 *     ({@code https://github.com/o/r/.github/workflows/release.yml@refs/heads/main}); a reusable workflow's for
 *     builds that used one
 * @param repository the source repository ({@code https://github.com/o/r})
 * @param workflow the workflow file of the SAN, relative to its repository ({@code .github/workflows/release.yml})
 * @param ref the source ref the build ran on ({@code refs/tags/v1.0.0}), empty when the certificate omits it
 * @param commit the source commit, empty when the certificate omits it
 */
public record Identity(String issuer, String san, String repository, String workflow, String ref, String commit) {
    public Identity {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(san, "san");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(commit, "commit");
    }

    /** A repository as pins compare it: host and path, lower case, without scheme or {@code .git}. */
    public static String normalRepository(String repository) {
        String r = repository.trim().toLowerCase(Locale.ROOT).replaceFirst("^[a-z+]+://", "")
                .replaceFirst("^git@([^:]+):", "$1/");
        r = r.endsWith(".git") ? r.substring(0, r.length() - 4) : r;
        return r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
    }

    /** A workflow as pins compare it: without a leading {@code ./} or {@code /}. */
    public static String normalWorkflow(String workflow) {
        return workflow.trim().replaceFirst("^\\./", "").replaceFirst("^/", "");
    }
}
