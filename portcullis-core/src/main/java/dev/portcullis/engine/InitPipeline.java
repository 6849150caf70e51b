package dev.portcullis.engine;

import dev.portcullis.model.InputException;
import dev.portcullis.model.PackageNode;
import dev.portcullis.policy.PolicyTemplate;
import dev.portcullis.project.InstallScriptCheck;
import dev.portcullis.project.ProjectContext;
import dev.portcullis.registry.RegistryException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/** {@code portcullis init}: the default policy, listing the project's current install-script packages for review. */
public final class InitPipeline {
    private final Environment environment;

    public InitPipeline(Environment environment) {
        this.environment = environment;
    }

    /** The policy text to write. Reads the project with the built-in defaults, whatever portcullis.yml says. */
    public String run(Path projectDir, boolean offline) throws InputException, RegistryException, IOException {
        LoadedProject project = new ProjectLoader(environment).load(projectDir, null, false);
        ScanPipeline scan = new ScanPipeline(environment);
        ScanPipeline.Fetched fetched = scan.fetchInstallScripts(project,
                scan.metadataStore(project, new ScanOptions(projectDir, null, null, offline)));
        ProjectContext context = scan.context(project, fetched);
        List<String> ids = List.copyOf(new TreeSet<>(
                InstallScriptCheck.runsInstallScripts(context).stream().map(PackageNode::id).toList()));
        return PolicyTemplate.forProject(ids);
    }
}
