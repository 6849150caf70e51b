package dev.portcullis.semver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A version range with node-semver 7's exact semantics ({@code new Range(raw, options)}): caret, tilde, x-ranges,
 * partial versions, hyphen ranges, {@code ||}, its whitespace rules, {@code ""} meaning {@code *}, loose mode and the
 * prerelease rule (a prerelease satisfies a comparator set only if one of its comparators names the same
 * major.minor.patch with a prerelease, unless {@code includePrerelease}).
 *
 * <p>Hand-written, because no Java library reproduces node-semver exactly and npm resolves with node-semver. Parsing
 * is a line-by-line port of node-semver's desugaring pipeline (the same rewrites, in the same order, with the same
 * bounded regular expressions, see {@link SemverPatterns}), so its quirks carry over; the result is precompiled into
 * comparators, so {@link #test(Version)} allocates nothing.
 */
public final class Range {
    /**
     * The longest range accepted. node-semver caps versions at 256 characters but not ranges; real ranges are far
     * shorter, and the cap bounds the work hostile input can cause.
     */
    public static final int MAX_LENGTH = 1024;

    private final String raw;
    private final RangeOptions options;
    private final VersionComparator[][] sets;
    private final String text;

    private Range(String raw, RangeOptions options, VersionComparator[][] sets) {
        this.raw = raw;
        this.options = options;
        this.sets = sets;
        this.text = Arrays.stream(sets)
                .map(set -> Arrays.stream(set).map(c -> c.value).collect(Collectors.joining(" ")))
                .collect(Collectors.joining("||"));
    }

    /** Parses like node-semver's {@code new Range(raw, options)}; empty where it throws (or past {@link #MAX_LENGTH}). */
    public static Optional<Range> parse(String raw, RangeOptions options) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(options, "options");
        if (raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String collapsed = Js.collapseWhitespace(Js.trim(raw));
        List<List<VersionComparator>> sets = new ArrayList<>();
        for (String part : Js.split(collapsed, "||")) {
            Optional<List<VersionComparator>> set = parseSet(Js.trim(part), options);
            if (set.isEmpty()) {
                return Optional.empty();
            }
            if (!set.get().isEmpty()) {
                sets.add(set.get());
            }
        }
        if (sets.isEmpty()) {
            return Optional.empty();
        }
        if (sets.size() > 1) {
            List<VersionComparator> first = sets.getFirst();
            sets.removeIf(set -> set.getFirst().isNullSet());
            if (sets.isEmpty()) {
                sets.add(first);
            } else if (sets.size() > 1) {
                for (List<VersionComparator> set : sets) {
                    if (set.size() == 1 && set.getFirst().isAny()) {
                        sets = List.of(set);
                        break;
                    }
                }
            }
        }
        VersionComparator[][] compiled = new VersionComparator[sets.size()][];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = sets.get(i).toArray(new VersionComparator[0]);
        }
        return Optional.of(new Range(raw, options, compiled));
    }

    /** node-semver's {@code Range.test(version)}: some comparator set admits the version. */
    public boolean test(Version version) {
        Objects.requireNonNull(version, "version");
        for (VersionComparator[] set : sets) {
            if (testSet(set, version)) {
                return true;
            }
        }
        return false;
    }

    /** node-semver's {@code satisfies(version, range)}: false when the string is not a version under these options. */
    public boolean test(String version) {
        Objects.requireNonNull(version, "version");
        Optional<Version> parsed = Version.parse(version, options.loose());
        return parsed.isPresent() && test(parsed.get());
    }

    /** The highest version the range admits; the first of equal ones, as node-semver's maxSatisfying. */
    public Optional<Version> maxSatisfying(Collection<Version> versions) {
        Version max = null;
        for (Version v : versions) {
            if (test(v) && (max == null || max.compareTo(v) < 0)) {
                max = v;
            }
        }
        return Optional.ofNullable(max);
    }

    /** The range admits exactly one version, written as one: {@code 1.2.3}, {@code =1.2.3}, {@code v1.2.3}. */
    public boolean isExactVersion() {
        Version only = null;
        for (VersionComparator[] set : sets) {
            if (set.length != 1 || set[0].operator != VersionComparator.Operator.EQ
                    || (only != null && set[0].version.compareTo(only) != 0)) {
                return false;
            }
            only = set[0].version;
        }
        return only != null;
    }

    public String raw() {
        return raw;
    }

    public RangeOptions options() {
        return options;
    }

    /** Normalised like node-semver's {@code validRange()}: desugared comparators, {@code *} for any version. */
    @Override
    public String toString() {
        return text.isEmpty() ? "*" : text;
    }

    /** Equal when they desugar to the same comparators under the same options ({@code ^1} equals {@code 1.x}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Range r && text.equals(r.text) && options.equals(r.options);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + options.hashCode();
    }

    private boolean testSet(VersionComparator[] set, Version version) {
        for (VersionComparator c : set) {
            if (!c.test(version)) {
                return false;
            }
        }
        if (version.isPrerelease() && !options.includePrerelease()) {
            for (VersionComparator c : set) {
                if (!c.isAny() && c.version.isPrerelease() && c.version.sameRelease(version)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    // ---- node-semver's Range.parseRange and its helpers, in its order ----

    /** One {@code ||} alternative; empty where node-semver throws, an empty list where loose mode drops everything. */
    private static Optional<List<VersionComparator>> parseSet(String range, RangeOptions options) {
        boolean loose = options.loose();
        boolean incPre = options.includePrerelease();
        String r = SemverPatterns.BUILDSTRIP.matcher(range).replaceAll("");
        r = replaceFirst(loose ? SemverPatterns.HYPHENRANGELOOSE : SemverPatterns.HYPHENRANGE, r,
                m -> hyphenReplace(m, incPre));
        r = ComparatorTrim.trim(r);
        r = replaceAll(SemverPatterns.TILDETRIM, r, m -> group(m, 1) + "~");
        r = replaceAll(SemverPatterns.CARETTRIM, r, m -> group(m, 1) + "^");

        List<String> desugared = new ArrayList<>();
        for (String comp : Js.split(r, " ")) {
            desugared.add(parseComparator(comp, options));
        }
        List<String> rangeList = new ArrayList<>();
        for (String comp : Js.splitWhitespace(String.join(" ", desugared))) {
            String c = replaceFirst(incPre ? SemverPatterns.GTE0PRE : SemverPatterns.GTE0, Js.trim(comp), m -> "");
            if (!loose || SemverPatterns.COMPARATORLOOSE.matcher(c).find()) {
                rangeList.add(c);
            }
        }
        List<VersionComparator> comparators = new ArrayList<>();
        for (String comp : rangeList) {
            Optional<VersionComparator> c = VersionComparator.parse(comp, loose);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            comparators.add(c.get());
        }
        Map<String, VersionComparator> byValue = new LinkedHashMap<>();
        for (VersionComparator c : comparators) {
            if (c.isNullSet()) {
                return Optional.of(List.of(c));
            }
            byValue.put(c.value, c);
        }
        if (byValue.size() > 1) {
            byValue.remove("");
        }
        return Optional.of(List.copyOf(byValue.values()));
    }

    private static String parseComparator(String comp, RangeOptions options) {
        String c = replaceFirst(SemverPatterns.BUILD, comp, m -> "");
        c = eachWord(Js.trim(c), w -> replaceCaret(w, options));
        c = eachWord(Js.trim(c), w -> replaceTilde(w, options));
        c = eachWord(c, w -> replaceXRange(Js.trim(w), options));
        return replaceFirst(SemverPatterns.STAR, Js.trim(c), m -> "");
    }

    private static String eachWord(String s, Function<String, String> f) {
        return Js.splitWhitespace(s).stream().map(f).collect(Collectors.joining(" "));
    }

    private static String replaceCaret(String comp, RangeOptions options) {
        Matcher m = (options.loose() ? SemverPatterns.CARETLOOSE : SemverPatterns.CARET).matcher(comp);
        if (!m.find()) {
            return comp;
        }
        String z = options.includePrerelease() ? "-0" : "";
        String major = m.group(1);
        String minor = m.group(2);
        String patch = m.group(3);
        String pr = m.group(4);
        if (Js.isX(major)) {
            return "";
        } else if (Js.isX(minor)) {
            return ">=" + major + ".0.0" + z + " <" + Js.plusOne(major) + ".0.0-0";
        } else if (Js.isX(patch)) {
            return major.equals("0")
                    ? ">=" + major + "." + minor + ".0" + z + " <" + major + "." + Js.plusOne(minor) + ".0-0"
                    : ">=" + major + "." + minor + ".0" + z + " <" + Js.plusOne(major) + ".0.0-0";
        }
        String from = ">=" + major + "." + minor + "." + patch + (pr != null ? "-" + pr : "");
        if (!major.equals("0")) {
            return from + " <" + Js.plusOne(major) + ".0.0-0";
        } else if (minor.equals("0")) {
            return from + " <" + major + "." + minor + "." + Js.plusOne(patch) + "-0";
        }
        return from + " <" + major + "." + Js.plusOne(minor) + ".0-0";
    }

    private static String replaceTilde(String comp, RangeOptions options) {
        Matcher m = (options.loose() ? SemverPatterns.TILDELOOSE : SemverPatterns.TILDE).matcher(comp);
        if (!m.find()) {
            return comp;
        }
        String z = options.includePrerelease() ? "-0" : "";
        String major = m.group(1);
        String minor = m.group(2);
        String patch = m.group(3);
        String pr = m.group(4);
        if (Js.isX(major)) {
            return "";
        } else if (Js.isX(minor)) {
            return ">=" + major + ".0.0" + z + " <" + Js.plusOne(major) + ".0.0-0";
        } else if (Js.isX(patch)) {
            return ">=" + major + "." + minor + ".0" + z + " <" + major + "." + Js.plusOne(minor) + ".0-0";
        }
        return ">=" + major + "." + minor + "." + patch + (pr != null ? "-" + pr : "")
                + " <" + major + "." + Js.plusOne(minor) + ".0-0";
    }

    private static String replaceXRange(String comp, RangeOptions options) {
        Matcher m = (options.loose() ? SemverPatterns.XRANGELOOSE : SemverPatterns.XRANGE).matcher(comp);
        if (!m.find()) {
            return comp;
        }
        String gtlt = m.group(1);
        String major = m.group(2);
        String minor = m.group(3);
        String patch = m.group(4);
        if ((Js.isX(major) && !Js.isX(minor))
                || (Js.isX(minor) && patch != null && !patch.isEmpty() && !Js.isX(patch))) {
            return comp;
        }
        boolean xMajor = Js.isX(major);
        boolean xMinor = xMajor || Js.isX(minor);
        boolean anyX = xMinor || Js.isX(patch);
        if (gtlt.equals("=") && anyX) {
            gtlt = "";
        }
        String pr = options.includePrerelease() ? "-0" : "";
        if (xMajor) {
            return gtlt.equals(">") || gtlt.equals("<") ? VersionComparator.NULL_SET : "*";
        } else if (!gtlt.isEmpty() && anyX) {
            if (xMinor) {
                minor = "0";
            }
            patch = "0";
            if (gtlt.equals(">")) {
                gtlt = ">=";
                if (xMinor) {
                    major = Js.plusOne(major);
                    minor = "0";
                } else {
                    minor = Js.plusOne(minor);
                }
            } else if (gtlt.equals("<=")) {
                gtlt = "<";
                if (xMinor) {
                    major = Js.plusOne(major);
                } else {
                    minor = Js.plusOne(minor);
                }
            }
            if (gtlt.equals("<")) {
                pr = "-0";
            }
            return gtlt + major + "." + minor + "." + patch + pr;
        } else if (xMinor) {
            return ">=" + major + ".0.0" + pr + " <" + Js.plusOne(major) + ".0.0-0";
        } else if (anyX) {
            return ">=" + major + "." + minor + ".0" + pr + " <" + major + "." + Js.plusOne(minor) + ".0-0";
        }
        return comp;
    }

    /** node-semver's hyphenReplace: {@code 1.2 - 3.4} becomes {@code >=1.2.0 <3.5.0-0}. */
    private static String hyphenReplace(MatchResult m, boolean incPre) {
        String z = incPre ? "-0" : "";
        String from = m.group(1);
        String fMajor = m.group(2);
        String fMinor = m.group(3);
        String fPatch = m.group(4);
        String fPre = m.group(5);
        String to = m.group(7);
        String tMajor = m.group(8);
        String tMinor = m.group(9);
        String tPatch = m.group(10);
        String tPre = m.group(11);
        if (Js.isX(fMajor)) {
            from = "";
        } else if (Js.isX(fMinor)) {
            from = ">=" + fMajor + ".0.0" + z;
        } else if (Js.isX(fPatch)) {
            from = ">=" + fMajor + "." + fMinor + ".0" + z;
        } else if (fPre != null) {
            from = ">=" + from;
        } else {
            from = ">=" + from + z;
        }
        if (Js.isX(tMajor)) {
            to = "";
        } else if (Js.isX(tMinor)) {
            to = "<" + Js.plusOne(tMajor) + ".0.0-0";
        } else if (Js.isX(tPatch)) {
            to = "<" + tMajor + "." + Js.plusOne(tMinor) + ".0-0";
        } else if (tPre != null) {
            to = "<=" + tMajor + "." + tMinor + "." + tPatch + "-" + tPre;
        } else if (incPre) {
            to = "<" + tMajor + "." + tMinor + "." + Js.plusOne(tPatch) + "-0";
        } else {
            to = "<=" + to;
        }
        return Js.trim(from + " " + to);
    }

    private static String group(MatchResult m, int group) {
        String g = m.group(group);
        return g == null ? "" : g;
    }

    /** JavaScript's {@code s.replace(nonGlobalRegex, fn)}: the first match only. */
    private static String replaceFirst(Pattern p, String s, Function<MatchResult, String> f) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return s;
        }
        return s.substring(0, m.start()) + f.apply(m) + s.substring(m.end());
    }

    /** JavaScript's {@code s.replace(globalRegex, fn)}; the callback's result is literal text. */
    private static String replaceAll(Pattern p, String s, Function<MatchResult, String> f) {
        return p.matcher(s).replaceAll(m -> Matcher.quoteReplacement(f.apply(m)));
    }
}
