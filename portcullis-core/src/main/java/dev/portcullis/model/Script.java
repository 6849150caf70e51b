package dev.portcullis.model;

import java.util.Objects;

/** A package.json script: {@code "name": "command"} and where it is written. */
public record Script(String name, String command, Location location) {
    public Script {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(location, "location");
    }
}
