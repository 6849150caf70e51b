package dev.portcullis.testkit;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a package-lock v3 shaped like npm's: a root entry, four fifths of the packages hoisted to
 * {@code node_modules/}, one fifth nested under a parent that needs another major version, every entry with
 * resolved, integrity, license, engines and two or three dependencies, as npm 11 lays them out. Shared by the
 * reader's and the whole scan's bounded-memory tests.
 */
public final class SyntheticNpmLockfile {
    private SyntheticNpmLockfile() {
    }

    /** The lockfile; the root requires the first (at most) 1,000 packages with ^1.0.0. */
    public static void write(Writer out, int packages) throws IOException {
        int hoisted = packages - packages / 5;
        out.write("{\n  \"name\": \"synthetic\",\n  \"version\": \"1.0.0\",\n  \"lockfileVersion\": 3,\n"
                + "  \"requires\": true,\n  \"packages\": {\n    \"\": {\n      \"name\": \"synthetic\",\n"
                + "      \"version\": \"1.0.0\",\n      \"dependencies\": {\n");
        int direct = Math.min(hoisted, 1000);
        for (int i = 0; i < direct; i++) {
            out.write("        \"pkg-" + i + "\": \"^1.0.0\"" + (i + 1 < direct ? ",\n" : "\n"));
        }
        out.write("      }\n    }");
        for (int i = 0; i < packages; i++) {
            boolean nested = i >= hoisted;
            int parent = i - hoisted;
            String name = nested ? "pkg-" + ((parent + hoisted / 2) % hoisted) : "pkg-" + i;
            String key = nested ? "node_modules/pkg-" + parent + "/node_modules/" + name : "node_modules/" + name;
            String version = nested ? "2.0.0" : "1.0.0";
            out.write(",\n    \"" + key + "\": {\n");
            out.write("      \"version\": \"" + version + "\",\n");
            out.write("      \"resolved\": \"https://registry.npmjs.org/" + name + "/-/" + name + "-" + version + ".tgz\",\n");
            out.write("      \"integrity\": \"sha512-" + integrity(i) + "\",\n");
            out.write("      \"license\": \"MIT\",\n");
            if (i % 10 == 0) {
                out.write("      \"dev\": true,\n");
            }
            out.write("      \"dependencies\": {\n");
            out.write("        \"pkg-" + ((i * 7 + 1) % hoisted) + "\": \"^1.0.0\",\n");
            out.write("        \"pkg-" + ((i * 13 + 5) % hoisted) + "\": \"^1.0.0\"");
            if (!nested && i < packages - hoisted) {
                // the parent of a nested instance requires the other major version
                out.write(",\n        \"pkg-" + ((i + hoisted / 2) % hoisted) + "\": \"^2.0.0\"");
            }
            out.write("\n      },\n");
            out.write("      \"engines\": {\n        \"node\": \">=14\"\n      }\n    }");
        }
        out.write("\n  }\n}\n");
    }

    /** 86 base64 characters and padding, different per package, like an SRI sha512. */
    private static String integrity(int seed) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder sb = new StringBuilder(88);
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        for (int i = 0; i < 86; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            sb.append(alphabet.charAt((int) (x >>> 58)));
        }
        return sb.append("==").toString();
    }
}
