package dev.portcullis.analysis;

import dev.portcullis.js.Fact;
import dev.portcullis.js.FactKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code match:} part of a content rule: fact conditions combined with {@code all}, {@code any} and
 * {@code none}. Evaluating a condition over the facts of one unit (a file, or the install flow) yields its
 * witnesses — the facts that made it true, shown in the finding — or null when it does not hold.
 */
sealed interface Condition {

    /** The facts that make this condition true among {@code facts}, or null when it is false. */
    List<Located> witnesses(List<Located> facts);

    /**
     * Kinds of which at least one must be present for this condition to hold; empty when it can hold without any
     * (a {@code none}). Lets the evaluator skip units cheaply.
     */
    Set<FactKind> triggers();

    /** A fact together with the file it came from. */
    record Located(String file, Fact fact) {
        public Located {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(fact, "fact");
        }
    }

    /**
     * One fact of {@code kind} whose detail and evidence contain {@code detail} and {@code evidence} (regexes, null
     * for any) within the depth bounds.
     */
    record FactIs(FactKind kind, Pattern detail, Pattern evidence, int minDepth, int maxDepth) implements Condition {
        public FactIs {
            Objects.requireNonNull(kind, "kind");
        }

        boolean test(Fact fact) {
            return fact.kind() == kind && fact.depth() >= minDepth && fact.depth() <= maxDepth
                    && (detail == null || detail.matcher(fact.detail()).find())
                    && (evidence == null || evidence.matcher(fact.evidence()).find());
        }

        @Override
        public List<Located> witnesses(List<Located> facts) {
            for (Located located : facts) {
                if (test(located.fact())) {
                    return List.of(located);
                }
            }
            return null;
        }

        @Override
        public Set<FactKind> triggers() {
            return EnumSet.of(kind);
        }
    }

    /** Every part holds; the witnesses of all parts. */
    record All(List<Condition> parts) implements Condition {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public List<Located> witnesses(List<Located> facts) {
            List<Located> all = new ArrayList<>();
            for (Condition part : parts) {
                List<Located> found = part.witnesses(facts);
                if (found == null) {
                    return null;
                }
                for (Located located : found) {
                    if (!all.contains(located)) {
                        all.add(located);
                    }
                }
            }
            return all;
        }

        @Override
        public Set<FactKind> triggers() {
            // Any one positive part is necessary; the first one is as good a filter as any.
            for (Condition part : parts) {
                if (!part.triggers().isEmpty()) {
                    return part.triggers();
                }
            }
            return Set.of();
        }
    }

    /** At least one part holds; the witnesses of the first that does. */
    record Any(List<Condition> parts) implements Condition {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public List<Located> witnesses(List<Located> facts) {
            for (Condition part : parts) {
                List<Located> found = part.witnesses(facts);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        @Override
        public Set<FactKind> triggers() {
            Set<FactKind> kinds = EnumSet.noneOf(FactKind.class);
            for (Condition part : parts) {
                if (part.triggers().isEmpty()) {
                    return Set.of();
                }
                kinds.addAll(part.triggers());
            }
            return kinds;
        }
    }

    /** No part holds; no witnesses of its own. */
    record None(List<Condition> parts) implements Condition {
        public None {
            parts = List.copyOf(parts);
        }

        @Override
        public List<Located> witnesses(List<Located> facts) {
            for (Condition part : parts) {
                if (part.witnesses(facts) != null) {
                    return null;
                }
            }
            return List.of();
        }

        @Override
        public Set<FactKind> triggers() {
            return Set.of();
        }
    }
}
