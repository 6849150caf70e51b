package dev.portcullis.semver;

/**
 * node-semver's {@code trimComparatorWhitespace} (internal/trim-comparator-whitespace.js): joins an operator to its
 * version ({@code > 1.2.3} becomes {@code >1.2.3}) exactly where the COMPARATORTRIM regular expression would, but in
 * one forward scan. The regular expression retries a {@code [v=\s]*} run from every position, quadratic on input such
 * as {@code "v v v …"}; node-semver replaced it with this scan for that reason, and so do we.
 */
final class ComparatorTrim {
    private static final int MAX_LENGTH = Version.MAX_LENGTH;
    private static final int MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;

    private final String range;
    /** The last two runs of digits found, so that rewinding from a failed full version does not rescan them. */
    private int runStart = -1;
    private int runEnd = -1;
    private int previousRunStart = -1;
    private int previousRunEnd = -1;

    private ComparatorTrim(String range) {
        this.range = range;
    }

    static String trim(String range) {
        return new ComparatorTrim(range).run();
    }

    private String run() {
        StringBuilder result = new StringBuilder();
        int copyFrom = 0;
        int cursor = 0;
        while (cursor < range.length()) {
            int matchStart = cursor;
            char c = range.charAt(cursor);
            if (c == '<' || c == '>') {
                cursor++;
            } else if (!isVersionPrefix(cursor) && !isVersionStart(cursor)) {
                cursor++;
                continue;
            }
            while (cursor < range.length() && isVersionPrefix(cursor)) {
                cursor++;
            }
            if (!isVersionStart(cursor)) {
                continue;
            }
            int whitespace = removableWhitespace(matchStart);
            if (whitespace != -1) {
                result.append(range, copyFrom, whitespace);
                copyFrom = whitespace + 1;
            }
            cursor = versionEnd(cursor);
        }
        return result.append(range, copyFrom, range.length()).toString();
    }

    private char at(int i) {
        return i >= 0 && i < range.length() ? range.charAt(i) : '\uFFFF';
    }

    private boolean inRange(int i) {
        return i >= 0 && i < range.length();
    }

    private boolean isWhitespace(int i) {
        return inRange(i) && Js.isWhitespace(range.charAt(i));
    }

    private boolean isVersionPrefix(int i) {
        return inRange(i) && (at(i) == 'v' || at(i) == '=' || isWhitespace(i));
    }

    private boolean isDigit(int i) {
        return inRange(i) && at(i) >= '0' && at(i) <= '9';
    }

    private boolean isLetter(int i) {
        char c = at(i);
        return inRange(i) && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }

    private boolean isIdentifierCharacter(int i) {
        return isDigit(i) || isLetter(i) || (inRange(i) && at(i) == '-');
    }

    private boolean isVersionStart(int i) {
        return isDigit(i) || (inRange(i) && (at(i) == 'x' || at(i) == 'X' || at(i) == '*'));
    }

    private int digitsEnd(int start, int limit) {
        if (!isDigit(start)) {
            return start;
        }
        if (start >= runStart && start < runEnd) {
            return Math.min(start + limit, runEnd);
        }
        if (start >= previousRunStart && start < previousRunEnd) {
            return Math.min(start + limit, previousRunEnd);
        }
        int end = start + 1;
        while (isDigit(end)) {
            end++;
        }
        previousRunStart = runStart;
        previousRunEnd = runEnd;
        runStart = start;
        runEnd = end;
        return Math.min(start + limit, end);
    }

    private int versionNumberEnd(int start, boolean loose) {
        if (!loose && inRange(start) && at(start) == '0') {
            return start + 1;
        }
        return digitsEnd(start, loose ? MAX_LENGTH : MAX_LENGTH + 1);
    }

    private int prereleaseIdentifierEnd(int start, boolean loose) {
        int digits = digitsEnd(start, MAX_LENGTH);
        if (isLetter(digits) || (inRange(digits) && at(digits) == '-')) {
            int end = digits + 1;
            int limit = end + MAX_SAFE_BUILD_LENGTH;
            while (end < limit && isIdentifierCharacter(end)) {
                end++;
            }
            return end;
        }
        return versionNumberEnd(start, loose);
    }

    private int prereleaseEnd(int start, boolean loose) {
        boolean hyphen = inRange(start) && at(start) == '-';
        if (!loose && !hyphen) {
            return start;
        }
        int identifierStart = start + (hyphen ? 1 : 0);
        int end = prereleaseIdentifierEnd(identifierStart, loose);
        if (end == identifierStart) {
            if (!loose || !hyphen) {
                return start;
            }
            end = prereleaseIdentifierEnd(start, loose);
        }
        while (inRange(end) && at(end) == '.') {
            int next = prereleaseIdentifierEnd(end + 1, loose);
            if (next == end + 1) {
                break;
            }
            end = next;
        }
        return end;
    }

    private int buildIdentifierEnd(int start) {
        int end = start;
        while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(end)) {
            end++;
        }
        return end;
    }

    private int buildEnd(int start) {
        if (!inRange(start) || at(start) != '+') {
            return start;
        }
        int end = buildIdentifierEnd(start + 1);
        if (end == start + 1) {
            return start;
        }
        while (inRange(end) && at(end) == '.') {
            int next = buildIdentifierEnd(end + 1);
            if (next == end + 1) {
                break;
            }
            end = next;
        }
        return end;
    }

    private int looseFullVersionEnd(int start) {
        int end = start;
        for (int component = 0; component < 3; component++) {
            int next = versionNumberEnd(end, true);
            if (next == end) {
                return start;
            }
            end = next;
            if (component < 2) {
                if (!inRange(end) || at(end) != '.') {
                    return start;
                }
                end++;
            }
        }
        return buildEnd(prereleaseEnd(end, true));
    }

    private int partialComponentEnd(int start) {
        if (isDigit(start)) {
            return versionNumberEnd(start, false);
        }
        return isVersionStart(start) ? start + 1 : start;
    }

    private int partialVersionEnd(int start) {
        int end = partialComponentEnd(start);
        for (int component = 0; component < 2; component++) {
            if (!inRange(end) || at(end) != '.') {
                return end;
            }
            int next = partialComponentEnd(end + 1);
            if (next == end + 1) {
                return end;
            }
            end = next;
        }
        return buildEnd(prereleaseEnd(end, false));
    }

    private int versionEnd(int start) {
        int full = looseFullVersionEnd(start);
        return full != start ? full : partialVersionEnd(start);
    }

    private int removableWhitespace(int matchStart) {
        int position = matchStart;
        if (isWhitespace(position)) {
            position++;
        }
        if (inRange(position) && (at(position) == '<' || at(position) == '>')) {
            position++;
        }
        if (inRange(position) && at(position) == '=') {
            position++;
        }
        return isWhitespace(position) ? position : -1;
    }
}
