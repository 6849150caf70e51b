package dev.portcullis.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * How much the registry client accepts and how hard it tries. A registry is untrusted input: a hostile or broken
 * one must not make us buffer gigabytes or retry forever.
 *
 * @param maxPackumentBytes larger documents are refused (the biggest public packuments are tens of megabytes)
 * @param maxTarballBytes larger tarballs are refused
 * @param requestTimeout per request, from sending to the last byte of the headers
 * @param attempts tries per request when the registry answers 5xx or 429 or the connection fails
 * @param backoff the wait after the first failed try; it doubles after each further one
 * @param parallelism downloads in flight at once
 */
public record RegistryLimits(long maxPackumentBytes, long maxTarballBytes, Duration requestTimeout, int attempts,
                             Duration backoff, int parallelism) {
    public RegistryLimits {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(backoff, "backoff");
        if (maxPackumentBytes <= 0 || maxTarballBytes <= 0 || attempts < 1 || parallelism < 1
                || requestTimeout.isNegative() || requestTimeout.isZero() || backoff.isNegative()) {
            throw new IllegalArgumentException("registry limits must be positive");
        }
        // A body is held in one array.
        if (maxPackumentBytes > Integer.MAX_VALUE - 8 || maxTarballBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("registry limits must stay below 2 GB");
        }
    }

    public static RegistryLimits defaults() {
        return new RegistryLimits(256L << 20, 512L << 20, Duration.ofSeconds(60), 3, Duration.ofMillis(500), 16);
    }

    public RegistryLimits withBackoff(Duration value) {
        return new RegistryLimits(maxPackumentBytes, maxTarballBytes, requestTimeout, attempts, value, parallelism);
    }

    public RegistryLimits withMaxPackumentBytes(long value) {
        return new RegistryLimits(value, maxTarballBytes, requestTimeout, attempts, backoff, parallelism);
    }
}
