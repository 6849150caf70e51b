package dev.portcullis.engine;

import dev.portcullis.advisory.AdvisoryDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The effects a pipeline may use, passed in so that tests substitute their own: environment variables (for
 * .npmrc and the cache location), the home directory, the clock (ignore expiry), and the cache directory.
 */
public record Environment(Map<String, String> variables, Path home, Clock clock, Path cacheDir) {
    public Environment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(clock, "clock");
    }

    /** The local advisory database: PORTCULLIS_DB, else under XDG_DATA_HOME or ~/.local/share. */
    public Path advisoryDatabase() {
        return AdvisoryDatabase.defaultPath(variables, home);
    }

    /** This environment with {@code database} as the advisory database ({@code --db}), as PORTCULLIS_DB would set it. */
    public Environment withAdvisoryDatabase(Path database) {
        Map<String, String> changed = new java.util.HashMap<>(variables);
        changed.put("PORTCULLIS_DB", database.toAbsolutePath().toString());
        return new Environment(changed, home, clock, cacheDir);
    }

    /** The real process environment; the cache under PORTCULLIS_CACHE, else XDG_CACHE_HOME or ~/.cache. */
    public static Environment system() {
        Map<String, String> env = System.getenv();
        Path home = Path.of(System.getProperty("user.home"));
        String explicit = env.get("PORTCULLIS_CACHE");
        Path cache = explicit != null && !explicit.isBlank() ? Path.of(explicit)
                : Path.of(env.getOrDefault("XDG_CACHE_HOME", home.resolve(".cache").toString())).resolve("portcullis");
        return new Environment(env, home, Clock.systemUTC(), cache);
    }
}
