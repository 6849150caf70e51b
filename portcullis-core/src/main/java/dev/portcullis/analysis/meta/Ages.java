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

    /**
     * How long until {@link #describe} words {@code age} differently as it grows: the next minute, hour or day
     * (a day for years too: their tenths change about every 36 days, so a day is early, never late).
     */
    static Duration untilChange(Duration age) {
        if (age.isNegative()) {
            return age.negated();
        }
        Duration next;
        if (age.toMinutes() < 120) {
            next = Duration.ofMinutes(age.toMinutes() + 1);
        } else if (age.toHours() < 72) {
            next = Duration.ofHours(age.toHours() + 1);
        } else {
            next = Duration.ofDays(age.toDays() + 1);
        }
        return next.minus(age);
    }
}
