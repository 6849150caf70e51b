package dev.portcullis.advisory;

import dev.portcullis.model.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CVSS v3.0/v3.1 base scores from vector strings (FIRST's specification, section 7), so that an OSV record that
 * states only a vector still gets a rating. CVSS v4 and v2 vectors are not scored: their records usually carry a
 * rating in {@code database_specific} too.
 */
public final class Cvss {
    private Cvss() {
    }

    /** The base score of a {@code CVSS:3.x/...} vector, empty when the vector is not a complete v3 base vector. */
    public static Optional<Double> baseScore(String vector) {
        if (vector == null || !(vector.startsWith("CVSS:3.0/") || vector.startsWith("CVSS:3.1/"))) {
            return Optional.empty();
        }
        Map<String, String> metrics = new HashMap<>();
        for (String part : vector.substring(9).split("/")) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            metrics.put(part.substring(0, colon), part.substring(colon + 1));
        }
        boolean changed = "C".equals(metrics.get("S"));
        if (!"U".equals(metrics.get("S")) && !changed) {
            return Optional.empty();
        }
        Double av = pick(metrics.get("AV"), "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
        Double ac = pick(metrics.get("AC"), "L", 0.77, "H", 0.44);
        Double pr = changed ? pick(metrics.get("PR"), "N", 0.85, "L", 0.68, "H", 0.5)
                : pick(metrics.get("PR"), "N", 0.85, "L", 0.62, "H", 0.27);
        Double ui = pick(metrics.get("UI"), "N", 0.85, "R", 0.62);
        Double c = pick(metrics.get("C"), "H", 0.56, "L", 0.22, "N", 0.0);
        Double i = pick(metrics.get("I"), "H", 0.56, "L", 0.22, "N", 0.0);
        Double a = pick(metrics.get("A"), "H", 0.56, "L", 0.22, "N", 0.0);
        if (av == null || ac == null || pr == null || ui == null || c == null || i == null || a == null) {
            return Optional.empty();
        }
        double iss = 1 - (1 - c) * (1 - i) * (1 - a);
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * av * ac * pr * ui;
        if (impact <= 0) {
            return Optional.of(0.0);
        }
        double sum = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
        return Optional.of(roundUp(Math.min(sum, 10)));
    }

    /** CVSS qualitative rating: 9.0+ critical, 7.0+ high, 4.0+ medium, 0.1+ low; 0 is "none" (info). */
    public static Severity rating(double score) {
        if (score >= 9.0) {
            return Severity.CRITICAL;
        }
        if (score >= 7.0) {
            return Severity.HIGH;
        }
        if (score >= 4.0) {
            return Severity.MEDIUM;
        }
        return score > 0 ? Severity.LOW : Severity.INFO;
    }

    /** CVSS 3.1 Roundup: the smallest one-decimal number not below x, robust to floating-point noise. */
    static double roundUp(double x) {
        long scaled = Math.round(x * 100_000);
        return scaled % 10_000 == 0 ? scaled / 100_000.0 : (Math.floor(scaled / 10_000.0) + 1) / 10.0;
    }

    private static Double pick(String value, Object... pairs) {
        for (int k = 0; k < pairs.length; k += 2) {
            if (pairs[k].equals(value)) {
                return (Double) pairs[k + 1];
            }
        }
        return null;
    }
}
