package dev.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.portcullis.analysis.meta.MetadataRule;
import dev.portcullis.analysis.meta.MetadataRules;
import dev.portcullis.lockfile.LockfileReader;
import dev.portcullis.lockfile.LockfileReaders;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.project.ProjectCheck;
import dev.portcullis.project.ProjectChecks;
import dev.portcullis.testkit.Fixtures;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The registries are complete, ids unique, and docs/rules.md is what the rule set generates. */
class RuleCatalogTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.portcullis");

    private static Set<String> implementations(Class<?> contract) {
        return CLASSES.stream().filter(c -> c.isAssignableTo(contract) && !c.isInterface()
                        && !Modifier.isAbstract(c.reflect().getModifiers()))
                .map(JavaClass::getName).collect(Collectors.toSet());
    }

    @Test
    void everyProjectCheckIsRegistered() {
        Set<String> registered = ProjectChecks.ALL.stream().map(c -> c.getClass().getName()).collect(Collectors.toSet());
        assertThat(registered).isEqualTo(implementations(ProjectCheck.class));
    }

    @Test
    void everyLockfileReaderIsRegistered() {
        Set<String> registered = LockfileReaders.ALL.stream().map(c -> c.getClass().getName()).collect(Collectors.toSet());
        assertThat(registered).isEqualTo(implementations(LockfileReader.class));
    }

    @Test
    void everyMetadataRuleIsRegistered() {
        Set<String> registered = MetadataRules.ALL.stream().map(c -> c.getClass().getName())
                .collect(Collectors.toSet());
        assertThat(registered).isEqualTo(implementations(MetadataRule.class));
        assertThat(MetadataRules.rules().stream().map(RuleDescriptor::id)).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("meta/"));
    }

    @Test
    void ruleIdsAreUnique() {
        List<String> ids = RuleCatalog.all().stream().map(RuleDescriptor::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void theContractualRuleIdsExist() {
        assertThat(RuleCatalog.ids()).contains("lockfile/insecure-url", "lockfile/foreign-host",
                "lockfile/missing-integrity", "lockfile/weak-integrity", "lockfile/name-mismatch",
                "lockfile/remote-source", "lockfile/out-of-sync", "manifest/unpinned-range",
                "scripts/install-script", "ci/runtime-resolution", "ci/unfrozen-install", "ci/pipe-to-shell");
    }

    @Test
    void docsRulesMdIsUpToDate() throws IOException {
        Path docs = Fixtures.repoRoot().resolve("docs/rules.md");
        if (Boolean.getBoolean("portcullis.updateGolden")) {
            Files.writeString(docs, RuleCatalog.markdown(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(docs, StandardCharsets.UTF_8))
                .as("docs/rules.md is stale: run `bin/portcullis rules --markdown > docs/rules.md`")
                .isEqualTo(RuleCatalog.markdown());
    }
}
