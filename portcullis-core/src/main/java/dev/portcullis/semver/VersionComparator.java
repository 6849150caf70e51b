package dev.portcullis.semver;

import java.util.Optional;
import java.util.regex.Matcher;

/** One node-semver comparator ({@code >=1.2.3}, or the empty comparator matching anything), parsed once. */
final class VersionComparator {
    enum Operator {
        ANY(""), EQ(""), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }
    }

    /** node-semver's null set, {@code <0.0.0-0}: nothing satisfies it. */
    static final String NULL_SET = "<0.0.0-0";

    final Operator operator;
    /** Null for {@link Operator#ANY}. */
    final Version version;
    /** node-semver's {@code comparator.value}: operator and normalised version, "" for ANY. */
    final String value;

    private VersionComparator(Operator operator, Version version) {
        this.operator = operator;
        this.version = version;
        this.value = version == null ? "" : operator.symbol + version;
    }

    /** node-semver's {@code new Comparator(comp, options)}; empty where it throws. */
    static Optional<VersionComparator> parse(String comp, boolean loose) {
        String normalized = String.join(" ", Js.splitWhitespace(Js.trim(comp)));
        Matcher m = (loose ? SemverPatterns.COMPARATORLOOSE : SemverPatterns.COMPARATOR).matcher(normalized);
        if (!m.find()) {
            return Optional.empty();
        }
        if (m.group(2) == null || m.group(2).isEmpty()) {
            return Optional.of(new VersionComparator(Operator.ANY, null));
        }
        Operator operator = switch (m.group(1) == null ? "" : m.group(1)) {
            case "<" -> Operator.LT;
            case "<=" -> Operator.LE;
            case ">" -> Operator.GT;
            case ">=" -> Operator.GE;
            default -> Operator.EQ;
        };
        return Version.parse(m.group(2), loose).map(v -> new VersionComparator(operator, v));
    }

    boolean isAny() {
        return operator == Operator.ANY;
    }

    boolean isNullSet() {
        return value.equals(NULL_SET);
    }

    boolean test(Version v) {
        return switch (operator) {
            case ANY -> true;
            case EQ -> v.compareTo(version) == 0;
            case LT -> v.compareTo(version) < 0;
            case LE -> v.compareTo(version) <= 0;
            case GT -> v.compareTo(version) > 0;
            case GE -> v.compareTo(version) >= 0;
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
