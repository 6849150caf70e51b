package dev.portcullis.analysis.meta;

import java.time.Duration;

/** Human wording of ages in messages: "5 hours", "2 days", "3.4 years". */
final class Ages {
    private Ages() {
    }

    static String describe(Duration age) {
        if (age.isNegative()) {
            return "in the future (the registry's clock or ours is off)";
        }
        long minutes = age.toMinutes();
        if (minutes < 120) {
            return minutes + " minute(s)";
        }
        if (age.toHours() < 72) {
            return age.toHours() + " hours";
        }
        if (age.toDays() < 730) {
            return age.toDays() + " days";
        }
        return String.format(java.util.Locale.ROOT, "%.1f years", age.toDays() / 365.0);
    }
}
