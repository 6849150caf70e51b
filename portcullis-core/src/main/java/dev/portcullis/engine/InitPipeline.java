package dev.portcullis.engine;

import dev.portcullis.model.InputException;
import dev.portcullis.model.PackageNode;
import dev.portcullis.policy.PolicyTemplate;
import dev.portcullis.project.InstallScriptCheck;
import dev.portcullis.project.ProjectContext;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

/** {@code portcullis init}: the default policy, listing the project's current install-script packages for review. */
public final class InitPipeline {
    private final Portcullis portcullis;

    /** @param portcullis a run opened without reading the policy ({@link Run#readPolicy()} false) */
    public InitPipeline(Portcullis portcullis) {
        this.portcullis = portcullis;
    }

    /** The policy text to write, listing the packages of the run's project that run install scripts. */
    public String run() throws InputException, IOException {
        LoadedProject project = new ProjectReader(portcullis).read();
        ScanPipeline scan = new ScanPipeline(portcullis);
        ScanPipeline.Fetched fetched = scan.fetchInstallScripts(project);
        ProjectContext context = scan.context(project, fetched);
        List<String> ids = List.copyOf(new TreeSet<>(
                InstallScriptCheck.runsInstallScripts(context).stream().map(PackageNode::id).toList()));
        return PolicyTemplate.forProject(ids);
    }
}
