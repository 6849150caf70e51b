package dev.portcullis.semver;

import java.util.List;
import java.util.Random;

/**
 * Deterministic generator of version and range strings covering every node-semver form: partial and full versions,
 * prefixes, loose forms, prereleases sharing major.minor.patch with the range (so the prerelease rule is exercised),
 * every operator with and without white space, hyphen ranges, {@code ||}, x-ranges, numbers past 2^53, Unicode white
 * space and plain garbage.
 */
final class SemverSamples {
    private static final List<String> NUMBERS = List.of("0", "0", "1", "1", "2", "3", "10", "01", "00",
            "9007199254740991", "9007199254740992", "99999999999999999999", "999999999999999999999999");
    private static final List<String> SMALL = List.of("0", "1", "2");
    private static final List<String> IDS = List.of("alpha", "beta", "rc", "0", "1", "2", "01", "00", "x", "X",
            "-", "a-b", "1a", "9007199254740991", "9007199254740993", "9007199254740992", "123456789012345678901",
            "pre", "beta.1");
    private static final List<String> PREFIXES = List.of("", "", "", "", "v", "=", " ", "v ", "=v", "V", "vv",
            "\t", "\u00a0", "= ");
    private static final List<String> OPERATORS = List.of("", "", "=", "<", "<=", ">", ">=", "~", "~>", "^",
            "> ", "< = ", ">= ", "~ ", "^ ", "~> ", "==", "=>", "!", "<>");
    private static final List<String> X = List.of("x", "X", "*");
    private static final List<String> SPACES = List.of(" ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2003",
            "\u3000", "\ufeff", "\u0085", "\u200b", "");
    private static final List<String> GARBAGE = List.of("latest", "1.2.3.4", "a.b.c", "-", "||", "1.2.3 -",
            "- 1.2.3", ">", "<", "~", "^", "+build", "1.2.3+", "1..2", ".1", "1.", "*.1", "x.1.x", "1.x.2",
            "1.2.3-", "1.2.3-+", "1e3", "0x10", "１.２.３", "1.2.3\u0000", "<0.0.0-0", ">=0.0.0", ">=0.0.0-0");
    private static final String MUTATIONS = " \t.-+|~^<>=*xXv0123456789ab\u00a0\u0085\u2028";

    private final Random random;

    SemverSamples(long seed) {
        this.random = new Random(seed);
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String number() {
        return chance(80) ? pick(SMALL) : pick(NUMBERS);
    }

    private String prerelease() {
        StringBuilder sb = new StringBuilder(pick(IDS));
        while (chance(30)) {
            sb.append('.').append(pick(IDS));
        }
        return sb.toString();
    }

    private String build() {
        return chance(80) ? "build.1" : pick(List.of("001", "sha-abc", "a.b", "x..y", "-", "1.2.3"));
    }

    String version() {
        if (chance(3)) {
            return pick(GARBAGE);
        }
        StringBuilder sb = new StringBuilder(pick(PREFIXES));
        sb.append(number()).append('.').append(number()).append('.').append(number());
        if (chance(35)) {
            sb.append(chance(90) ? "-" : "").append(prerelease());
        }
        if (chance(10)) {
            sb.append('+').append(build());
        }
        if (chance(5)) {
            sb.append(pick(SPACES));
        }
        return mutateSometimes(sb.toString());
    }

    private String partial() {
        StringBuilder sb = new StringBuilder(pick(List.of("", "", "", "", "", "v", "=", "v=", " ")));
        int parts = 1 + random.nextInt(3);
        if (chance(85)) {
            parts = 3 - (chance(70) ? 0 : random.nextInt(2));
        }
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(chance(12) ? pick(X) : number());
        }
        if (parts == 3 && chance(30)) {
            sb.append(chance(92) ? "-" : "").append(prerelease());
        }
        if (chance(6)) {
            sb.append('+').append(build());
        }
        return sb.toString();
    }

    private String comparator() {
        int form = random.nextInt(100);
        if (form < 4) {
            return pick(GARBAGE);
        } else if (form < 8) {
            return pick(X);
        } else if (form < 20) {
            return partial() + pick(List.of(" - ", " - ", "  -  ", " -", "- ", "\t-\t")) + partial();
        }
        return pick(OPERATORS) + partial();
    }

    private String set() {
        if (chance(4)) {
            return "";
        }
        StringBuilder sb = new StringBuilder(comparator());
        while (chance(35)) {
            sb.append(pick(SPACES)).append(comparator());
        }
        return sb.toString();
    }

    String range() {
        StringBuilder sb = new StringBuilder();
        if (chance(10)) {
            sb.append(pick(SPACES));
        }
        sb.append(set());
        while (chance(25)) {
            sb.append(pick(List.of("||", " || ", "  ||", "|| ", " | ", "|||"))).append(set());
        }
        if (chance(1)) {
            // long ranges, past the 256 characters node-semver caps versions at
            while (sb.length() < 300 + random.nextInt(900)) {
                sb.append(" || ").append(set());
            }
        }
        return mutateSometimes(sb.toString());
    }

    private String mutateSometimes(String s) {
        if (!chance(8) || s.isEmpty()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && !sb.isEmpty(); i++) {
            int at = random.nextInt(sb.length());
            char c = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
            switch (random.nextInt(3)) {
                case 0 -> sb.insert(at, c);
                case 1 -> sb.deleteCharAt(at);
                default -> sb.setCharAt(at, c);
            }
        }
        return sb.toString();
    }

    boolean flag(int percent) {
        return chance(percent);
    }
}
