package dev.portcullis.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as a policy writes them: a whole number and one unit — {@code 30m} (minutes), {@code 72h}, {@code 7d},
 * {@code 2w}, {@code 3y} (365 days each). One spelling, no months: "m" is minutes, as in npm's and pnpm's own
 * minimum-release-age settings, and a month has no fixed length.
 */
public final class Durations {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*([mhdwy])");

    private Durations() {
    }

    /** Parses {@code text}; throws IllegalArgumentException saying what is accepted. */
    public static Duration parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write a whole number and a unit, "
                    + "m (minutes), h (hours), d (days), w (weeks) or y (365 days), e.g. 72h, 7d, 2y");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            case "w" -> Duration.ofDays(7 * n);
            default -> Duration.ofDays(365 * n);
        };
    }

    /** The shortest exact spelling of {@code duration} in the units {@link #parse} reads. */
    public static String format(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % (365L * 24 * 60) == 0 && minutes > 0) {
            return minutes / (365L * 24 * 60) + "y";
        }
        if (minutes % (24 * 60) == 0 && minutes > 0) {
            return minutes / (24 * 60) + "d";
        }
        if (minutes % 60 == 0 && minutes > 0) {
            return minutes / 60 + "h";
        }
        return minutes + "m";
    }
}
