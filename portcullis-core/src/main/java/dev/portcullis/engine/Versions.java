package dev.portcullis.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Portcullis's own version, from the build (resource filtered by Maven). */
public final class Versions {
    private static final String TOOL = load();

    private Versions() {
    }

    public static String tool() {
        return TOOL;
    }

    private static String load() {
        try (InputStream in = Versions.class.getResourceAsStream("/dev/portcullis/portcullis.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
