package dev.portcullis.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The one place an HTTP client is configured: proxy and CA file from the npm configuration, timeouts. */
public final class HttpClients {
    private HttpClients() {
    }

    /** With the default connect timeout of {@link RegistryLimits#defaults()}. */
    public static HttpClient forConfig(NpmConfig config) throws IOException {
        return forConfig(config, RegistryLimits.defaults().connectTimeout());
    }

    /** @param connectTimeout {@link RegistryLimits#connectTimeout()} of the run */
    public static HttpClient forConfig(NpmConfig config, Duration connectTimeout) throws IOException {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL);
        Optional<String> proxy = config.setting("https-proxy").or(() -> config.setting("proxy"));
        if (proxy.isPresent()) {
            URI uri = URI.create(proxy.get());
            int port = uri.getPort() > 0 ? uri.getPort() : 80;
            builder.proxy(ProxySelector.of(new InetSocketAddress(uri.getHost(), port)));
        }
        Optional<String> cafile = config.setting("cafile");
        if (cafile.isPresent()) {
            builder.sslContext(trusting(Path.of(cafile.get())));
        }
        return builder.build();
    }

    /** An SSL context trusting the certificates of a PEM file (npm's cafile) in addition to nothing else, as npm does. */
    static SSLContext trusting(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new IOException("cafile " + pem + " holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use cafile " + pem + ": " + e.getMessage(), e);
        }
    }
}
