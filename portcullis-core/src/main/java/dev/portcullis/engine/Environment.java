package dev.portcullis.engine;

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
