package dev.portcullis.server.store;

import java.util.Locale;

/** What the firewall does with one package version. */
public enum DecisionKind {
    /** Served. */
    ALLOW,
    /** Hidden until a time (the release-age cooldown), then judged again. */
    QUARANTINE,
    /** Hidden until a person approves it (findings at the policy's review level). */
    REVIEW,
    /** Never served (a deny entry, malware, findings at the block level). */
    BLOCK;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
