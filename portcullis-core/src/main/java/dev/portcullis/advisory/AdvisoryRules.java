package dev.portcullis.advisory;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import java.util.List;

/** The advisory rules and the findings they make of matches. */
public final class AdvisoryRules {
    public static final RuleDescriptor MALWARE = new RuleDescriptor("advisory/malware", Severity.CRITICAL,
            "A known-malicious package version is installed",
            "The version is listed as malware (an OpenSSF malicious-packages MAL- entry or a GitHub malware "
                    + "advisory): installing it runs an attacker's code on developer machines and CI.",
            "Remove the package or pin a version published before the compromise, rotate every credential the "
                    + "machines that installed it could reach, and check the advisory for indicators of compromise.");
    public static final RuleDescriptor VULNERABILITY = new RuleDescriptor("advisory/vulnerability", Severity.MEDIUM,
            "An installed package version has a known vulnerability",
            "A published advisory (OSV, GitHub, npm) says this version is vulnerable. The finding takes the "
                    + "advisory's own severity (its GitHub rating, else its CVSS v3 score); unrated advisories are "
                    + "medium.",
            "Upgrade to the fixed version the finding names (through the direct dependency on the path, or an "
                    + "override/resolution), or accept the risk with an ignore entry for this rule, package and "
                    + "version, with the advisory id in its reason and an expiry date.");

    /** Every rule of this package, for the catalogue. */
    public static final List<RuleDescriptor> ALL = List.of(MALWARE, VULNERABILITY);

    private AdvisoryRules() {
    }

    /**
     * The finding of one match.
     *
     * @param path how the package is reached ({@code app > express > qs}), or null when not from a graph
     */
    public static Finding finding(AdvisoryMatch match, String path, Location location) {
        RuleDescriptor rule = match.malware() ? MALWARE : VULNERABILITY;
        Severity severity = match.malware() || match.rating() == null ? rule.defaultSeverity() : match.rating();
        String ids = match.id() + (match.aliases().isEmpty() ? "" : " (" + String.join(", ", match.aliases()) + ")");
        String message = match.packageName() + "@" + match.version() + (match.malware() ? " is malware: " : ": ")
                + ids + (match.summary().isEmpty() ? "" : " — " + match.summary()) + "; " + match.fixText();
        StringBuilder evidence = new StringBuilder();
        if (path != null) {
            evidence.append("installed through ").append(path);
        }
        if (match.url() != null) {
            evidence.append(evidence.isEmpty() ? "" : "; ").append(match.url());
        }
        return new Finding(rule, severity, match.packageName(), match.version(), message, location,
                evidence.isEmpty() ? null : evidence.toString());
    }
}
