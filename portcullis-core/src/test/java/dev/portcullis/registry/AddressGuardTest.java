package dev.portcullis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where a download may connect: a table of URLs → refused (with the kind of address) or allowed, with a resolver
 * table standing in for DNS, so that a name resolving to the metadata service is tested without a DNS server.
 */
class AddressGuardTest {
    private static final Map<String, String> DNS = Map.of(
            "metadata.attacker.example", "169.254.169.254",
            "rebind.attacker.example", "10.0.0.7",
            "cdn.example", "104.16.1.2",
            "v6only.example", "2606:4700::6810:102",
            "npm.corp.internal", "10.1.2.3");

    private static final AddressGuard GUARD = new AddressGuard(Set.of("127.0.0.1", "NPM.corp.internal"), host -> {
        String address = DNS.get(host);
        if (address != null) {
            return new InetAddress[] {InetAddress.getByName(address)};
        }
        if (host.matches("[0-9.]+|[0-9a-fA-F:.]+")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    });

    static Stream<Arguments> urls() {
        return Stream.of(
                Arguments.of("http://169.254.169.254/latest/meta-data/", "cloud metadata (link-local)"),
                Arguments.of("http://metadata.attacker.example/x.tgz", "cloud metadata (link-local)"),
                Arguments.of("http://169.254.10.1/x.tgz", "link-local"),
                Arguments.of("http://[fe80::1]/x.tgz", "link-local"),
                Arguments.of("http://[fd00:ec2::254]/latest/", "private (unique local)"),
                Arguments.of("http://100.100.100.200/latest/", "shared (carrier-grade NAT)"),
                Arguments.of("http://10.0.0.1/x.tgz", "private"),
                Arguments.of("http://172.16.5.4/x.tgz", "private"),
                Arguments.of("http://192.168.1.1/x.tgz", "private"),
                Arguments.of("http://rebind.attacker.example/x.tgz", "private"),
                Arguments.of("http://127.0.0.2:8080/x.tgz", "loopback"),
                Arguments.of("http://[::1]/x.tgz", "loopback"),
                Arguments.of("http://[::ffff:169.254.169.254]/x.tgz", "cloud metadata (link-local)"),
                Arguments.of("http://0.0.0.0/x.tgz", "unspecified"),
                Arguments.of("http://nowhere.invalid/x.tgz", "does not resolve"),
                Arguments.of("http://127.0.0.1:4873/x.tgz", null),
                Arguments.of("http://npm.corp.internal/x.tgz", null),
                Arguments.of("https://cdn.example/x.tgz", null),
                Arguments.of("https://v6only.example/x.tgz", null),
                Arguments.of("https://104.16.1.2/x.tgz", null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("urls")
    void refusesPrivateAddressesOfUnconfiguredHosts(String url, String kind) {
        var refusal = GUARD.refusal(URI.create(url));
        if (kind == null) {
            assertThat(refusal).isEmpty();
        } else {
            assertThat(refusal).hasValueSatisfying(r -> assertThat(r).contains(kind));
        }
    }

    @org.junit.jupiter.api.Test
    void theConfiguredRegistriesAndThePolicysPrivateHostsAreTrusted() {
        AddressGuard guard = AddressGuard.of(NpmConfig.fromSettings(Map.of("registry", "http://127.0.0.1:4873/",
                "@corp:registry", "https://npm.corp.internal/"), java.util.List.of()), java.util.List.of("nexus.lan"));
        assertThat(guard.refusal(URI.create("http://127.0.0.1:4873/a/-/a-1.0.0.tgz"))).isEmpty();
        assertThat(guard.refusal(URI.create("https://npm.corp.internal/@corp/a/-/a-1.0.0.tgz"))).isEmpty();
        assertThat(guard.refusal(URI.create("http://localhost:4873/a/-/a-1.0.0.tgz"))).isPresent();
    }
}
