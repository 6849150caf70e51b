package dev.portcullis.project;

import dev.portcullis.model.Finding;
import dev.portcullis.model.RuleDescriptor;
import java.util.List;

/**
 * One family of project-level rules. Pure: everything it looks at is in the context, which the engine
 * has read from disk and the registry beforehand. Implementations register once in {@link ProjectChecks#ALL}.
 */
public interface ProjectCheck {

    /** The rules this check can report, for the catalogue and SARIF's rule list. */
    List<RuleDescriptor> rules();

    /** The findings, each with the rule's default severity; the policy stage adjusts severities and ignores. */
    List<Finding> check(ProjectContext context);
}
