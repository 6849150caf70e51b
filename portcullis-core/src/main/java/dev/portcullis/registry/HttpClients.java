package dev.portcullis.registry;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.ProjectFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
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

    /** A CA bundle of every public root is about 250 KB; a cafile larger than this is not one. */
    public static final long MAX_CAFILE_BYTES = 4L << 20;

    /** As {@link #forConfig(NpmConfig, SSLContext, Duration)} with the default connect timeout. */
    public static HttpClient forConfig(NpmConfig config, SSLContext ssl) {
        return forConfig(config, ssl, RegistryLimits.defaults().connectTimeout());
    }

    /** With the cafile's trust read now and the given connect timeout. */
    public static HttpClient forConfig(NpmConfig config, Duration connectTimeout) throws IOException {
        try {
            return forConfig(config, sslContext(config), connectTimeout);
        } catch (InputException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The client of a configuration whose cafile (if any) was checked already: {@code ssl} is
     * {@link #sslContext}'s answer for it.
     *
     * @param connectTimeout {@link RegistryLimits#connectTimeout()} of the run
     */
    public static HttpClient forConfig(NpmConfig config, SSLContext ssl, Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL);
        Optional<String> proxy = config.setting("https-proxy").or(() -> config.setting("proxy"));
        if (proxy.isPresent()) {
            URI uri = URI.create(proxy.get());
            int port = uri.getPort() > 0 ? uri.getPort() : 80;
            builder.proxy(ProxySelector.of(new InetSocketAddress(uri.getHost(), port)));
        }
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        return builder.build();
    }

    /** @throws IOException when the configuration's cafile cannot be used (its message names the .npmrc line) */
    public static HttpClient forConfig(NpmConfig config) throws IOException {
        return forConfig(config, RegistryLimits.defaults().connectTimeout());
    }

    /**
     * An SSL context trusting the certificates of the configuration's {@code cafile} (PEM) in addition to nothing
     * else, as npm does; null when there is no cafile. The file is read bounded ({@link #MAX_CAFILE_BYTES}) and
     * must be a regular file of PEM certificates: {@code /dev/zero}, {@code /etc/shadow} or a DER file is the
     * user's to fix, named by the {@code cafile=} line that set it, and nothing of its content is quoted.
     *
     * @throws InputException when the cafile is missing, not a regular file, too large, or holds no certificate
     */
    public static SSLContext sslContext(NpmConfig config) throws InputException, IOException {
        Optional<String> cafile = config.setting("cafile");
        if (cafile.isEmpty()) {
            return null;
        }
        Location origin = config.origin("cafile");
        Path pem = Path.of(cafile.get());
        byte[] bytes;
        try {
            bytes = ProjectFiles.readBounded(pem, pem.toString(), MAX_CAFILE_BYTES);
        } catch (InputException e) {
            throw new InputException(origin, "cafile " + e.getMessage());
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new InputException(origin, "cafile " + pem + " holds no PEM certificate (expected -----BEGIN "
                    + "CERTIFICATE----- blocks)");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes))) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new InputException(origin, "cafile " + pem + " holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            // the JDK's sentence names its own classes ("java.io.EOFException: not enough content"): not for users
            throw new InputException(origin, "cafile " + pem + " is not a usable PEM certificate file (a "
                    + "certificate in it cannot be decoded)", e);
        }
    }
}
