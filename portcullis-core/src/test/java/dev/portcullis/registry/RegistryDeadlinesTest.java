package dev.portcullis.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14, item 11: a registry that accepts the connection and never answers, or answers a byte every few seconds,
 * is cut off at the deadlines of {@link RegistryLimits}, each named in the error. A real socket server on 127.0.0.1
 * plays the registry; the deadlines are seconds here.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RegistryDeadlinesTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private Thread acceptor;

    /** How the hostile registry treats one connection. */
    private interface Behaviour {
        void serve(Socket socket) throws IOException, InterruptedException;
    }

    private String start(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    held.add(socket);
                    Thread.ofPlatform().daemon().start(() -> {
                        try {
                            behaviour.serve(socket);
                        } catch (IOException | InterruptedException e) {
                            // the client gave up, as it should
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
        acceptor.join();
    }

    private static RegistryClient client(String registry, RegistryLimits limits) throws IOException {
        NpmConfig config = NpmConfig.fromSettings(Map.of("registry", registry), List.of());
        return new RegistryClient(HttpClients.forConfig(config, limits.connectTimeout()), config, null, false, limits);
    }

    private static RegistryLimits limits(int attempts, Duration run) {
        return RegistryLimits.defaults().withBackoff(Duration.ZERO)
                .withDeadlines(SECOND, SECOND, Duration.ofSeconds(3), run, attempts);
    }

    @Test
    void aRegistryThatNeverAnswersIsCutOffAtTheRequestTimeout() throws IOException {
        String registry = start(socket -> Thread.sleep(Long.MAX_VALUE));
        RegistryClient client = client(registry, limits(1, Duration.ofMinutes(1)));

        assertThatThrownBy(() -> client.packument("left-hanging", false))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("no answer within 1 s (RegistryLimits.requestTimeout)");
    }

    @Test
    void aRegistryThatTricklesTheBodyIsCutOffAtTheBodyTimeout() throws IOException {
        String registry = start(socket -> {
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                Thread.sleep(2_000);
                out.write(' ');
                out.flush();
            }
        });
        RegistryClient client = client(registry, limits(1, Duration.ofMinutes(1)));

        assertThatThrownBy(() -> client.packument("trickle", false))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("the body did not arrive within 3 s (RegistryLimits.bodyTimeout)");
        assertThatThrownBy(() -> client.tarball(java.net.URI.create(registry + "trickle/-/trickle-1.0.0.tgz"),
                "sha512-" + "A".repeat(86) + "=="))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("(RegistryLimits.bodyTimeout)");
        assertThat(Thread.currentThread().isInterrupted()).as("the deadline's interrupt stays inside the client")
                .isFalse();
    }

    @Test
    void theRunTimeoutBoundsEveryRequestOfTheRunTogether() throws IOException {
        String registry = start(socket -> Thread.sleep(Long.MAX_VALUE));
        // Ten tries of a second each would take ten seconds; the run has two.
        RegistryClient client = client(registry, limits(10, Duration.ofSeconds(2)));

        assertThatThrownBy(() -> client.packument("first", false))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("(RegistryLimits.runTimeout)");
        assertThatThrownBy(() -> client.packument("second", false))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("is spent (RegistryLimits.runTimeout)");
    }
}
