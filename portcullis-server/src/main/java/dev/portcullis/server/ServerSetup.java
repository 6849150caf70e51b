package dev.portcullis.server;

import dev.portcullis.engine.Environment;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.registry.NpmConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration {@code portcullis serve} runs with: the defaults (loopback on 4873, the upstream of the user's
 * {@code .npmrc}, data under the user's data directory), then {@code --config}, then the other options.
 */
public final class ServerSetup {
    private ServerSetup() {
    }

    /** Each argument may be null for "not given". */
    public static ServerConfig config(Environment environment, Path workingDir, Path configFile, String listen,
                                      String upstream, Path data, Path policy) throws InputException, IOException {
        String defaultUpstream = NpmConfig.load(workingDir, environment.variables(), environment.home()).registry();
        ServerConfig config = ServerConfigReader.defaults(defaultUpstream, defaultData(environment));
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new InputException(Location.of(configFile.toString()), "configuration file not found");
            }
            String text = Files.readString(configFile, StandardCharsets.UTF_8);
            Path base = configFile.toAbsolutePath().getParent();
            config = ServerConfigReader.read(configFile.toString(), base, text, config, environment.variables());
        }
        if (listen != null) {
            ServerConfigReader.Listen l = ServerConfigReader.listen(listen, Location.of("--listen"));
            config = config.withListen(l.host(), l.port());
        }
        if (upstream != null) {
            config = config.withUpstream(ServerConfigReader.httpUrl(upstream).orElseThrow(() -> new InputException(
                    Location.of("--upstream"), "'" + upstream + "' is not an http(s) URL with a host")));
        }
        if (data != null) {
            config = config.withDataDir(data);
        }
        if (policy != null) {
            config = config.withPolicyFile(policy);
        }
        return config;
    }

    /** {@code $XDG_DATA_HOME/portcullis/server}, else {@code ~/.local/share/portcullis/server}. */
    static Path defaultData(Environment environment) {
        String xdg = environment.variables().get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : environment.home().resolve(".local/share");
        return base.resolve("portcullis").resolve("server");
    }
}
