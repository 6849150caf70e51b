package dev.portcullis.server;

import dev.portcullis.engine.Environment;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A firewall in a JVM of its own, for the tests that kill it: {@code FirewallMain CONFIG}; prints its URL. */
public final class FirewallMain {
    private FirewallMain() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        Environment environment = new Environment(Map.of(), config.getParent().resolve("home"), Clock.systemUTC(),
                null);
        Firewall firewall = Firewall.start(ServerSetup.config(environment, config.getParent(), config, null, null,
                null, null), environment);
        Runtime.getRuntime().addShutdownHook(new Thread(firewall::close));
        System.out.println(firewall.url());
        System.out.flush();
        Thread.currentThread().join();
    }
}
