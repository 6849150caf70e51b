package dev.portcullis.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * How much the registry client accepts and how hard it tries. A registry is untrusted input: a hostile or broken
 * one must not make us buffer gigabytes, wait forever or retry forever.
 *
 * @param maxPackumentBytes larger documents are refused (the biggest public packuments are tens of megabytes)
 * @param maxTarballBytes larger tarballs are refused
 * @param requestTimeout per request, from sending to the last byte of the headers (the first byte of the answer)
 * @param attempts tries per request when the registry answers 5xx or 429 or the connection fails
 * @param backoff the wait after the first failed try; it doubles after each further one
 * @param parallelism downloads in flight at once
 * @param connectTimeout per connection, to open it (TCP and TLS)
 * @param bodyTimeout per request, from the headers to the last byte of the body: a registry that trickles a byte
 *                    every few seconds is cut off here
 * @param runTimeout all the registry requests of one run together (one client): past it no request starts and a
 *                   running one is cut off, so a command never waits on a registry longer than this
 */
public record RegistryLimits(long maxPackumentBytes, long maxTarballBytes, Duration requestTimeout, int attempts,
                             Duration backoff, int parallelism, Duration connectTimeout, Duration bodyTimeout,
                             Duration runTimeout) {
    public RegistryLimits {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        Objects.requireNonNull(runTimeout, "runTimeout");
        if (maxPackumentBytes <= 0 || maxTarballBytes <= 0 || attempts < 1 || parallelism < 1
                || !positive(requestTimeout) || !positive(connectTimeout) || !positive(bodyTimeout)
                || !positive(runTimeout) || backoff.isNegative()) {
            throw new IllegalArgumentException("registry limits must be positive");
        }
        // A body is held in one array.
        if (maxPackumentBytes > Integer.MAX_VALUE - 8 || maxTarballBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("registry limits must stay below 2 GB");
        }
    }

    /** The first six limits, with the default connect, body and run timeouts. */
    public RegistryLimits(long maxPackumentBytes, long maxTarballBytes, Duration requestTimeout, int attempts,
                          Duration backoff, int parallelism) {
        this(maxPackumentBytes, maxTarballBytes, requestTimeout, attempts, backoff, parallelism,
                DEFAULT_CONNECT, DEFAULT_BODY, DEFAULT_RUN);
    }

    private static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);
    /** A 100 MB tarball at 1 MB/s, the slowest link worth waiting for. */
    private static final Duration DEFAULT_BODY = Duration.ofMinutes(2);
    /** A cold deep scan of a thousand packages takes minutes; a run that waits on a registry longer is stuck. */
    private static final Duration DEFAULT_RUN = Duration.ofMinutes(30);

    /** 30 s to the first byte, 10 s to connect, 2 min per body, 3 tries, 30 min for the run. */
    public static RegistryLimits defaults() {
        return new RegistryLimits(256L << 20, 512L << 20, Duration.ofSeconds(30), 3, Duration.ofMillis(500), 16);
    }

    public RegistryLimits withBackoff(Duration value) {
        return new RegistryLimits(maxPackumentBytes, maxTarballBytes, requestTimeout, attempts, value, parallelism,
                connectTimeout, bodyTimeout, runTimeout);
    }

    public RegistryLimits withMaxPackumentBytes(long value) {
        return new RegistryLimits(value, maxTarballBytes, requestTimeout, attempts, backoff, parallelism,
                connectTimeout, bodyTimeout, runTimeout);
    }

    /** These limits with other deadlines (tests use seconds). */
    public RegistryLimits withDeadlines(Duration connect, Duration request, Duration body, Duration run, int tries) {
        return new RegistryLimits(maxPackumentBytes, maxTarballBytes, request, tries, backoff, parallelism, connect,
                body, run);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
