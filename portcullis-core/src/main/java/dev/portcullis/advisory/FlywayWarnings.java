package dev.portcullis.advisory;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway's log through its public {@link LogCreator} API: a CLI tool says only what went wrong, so Flyway's
 * step-by-step INFO is dropped and its warnings and errors go to java.util.logging (standard error). Not SLF4J, which
 * is on the class path for other libraries and, without a binding, prints a warning of its own on every run.
 * Flyway instantiates it by name ({@code loggers(...)}), hence public with a public constructor.
 */
public final class FlywayWarnings implements LogCreator {
    @Override
    public Log createLogger(Class<?> source) {
        Logger logger = Logger.getLogger(source.getName());
        return new Log() {
            @Override
            public void debug(String message) {
            }

            @Override
            public void info(String message) {
            }

            @Override
            public void notice(String message) {
            }

            @Override
            public void warn(String message) {
                logger.warning(message);
            }

            @Override
            public void error(String message) {
                logger.severe(message);
            }

            @Override
            public void error(String message, Exception e) {
                logger.log(Level.SEVERE, message, e);
            }
        };
    }
}
