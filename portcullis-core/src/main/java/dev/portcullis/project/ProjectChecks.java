package dev.portcullis.project;

import java.util.List;

/** The one list of project checks. A test fails when a check exists that is not listed here. */
public final class ProjectChecks {

    public static final List<ProjectCheck> ALL = List.of(
            new LockfileIntegrityCheck(),
            new RemoteSourceCheck(),
            new DriftCheck(),
            new PinningCheck(),
            new InstallScriptCheck(),
            new CiCheck()
    );

    private ProjectChecks() {
    }
}
