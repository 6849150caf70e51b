package dev.portcullis.model;

/** Whether a package runs preinstall/install/postinstall (or an implicit node-gyp build) when installed. */
public enum InstallScripts {
    /** The lockfile or registry metadata says it does. */
    YES,
    /** The source records install scripts and this package has none. */
    NO,
    /** The lockfile does not record it; registry metadata is needed. */
    UNKNOWN
}
