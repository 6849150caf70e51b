package dev.portcullis.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import dev.portcullis.model.Severity;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The pipeline order of ARCHITECTURE.md: a package may use only the packages above it. Why: each stage must be
 * testable with the stages before it alone, and front ends (CLI, server) must hold no analysis logic.
 */
class ArchitectureTest {
    /** portcullis-core's own classes: its main output directory only (not the testkit, not the tests). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importUrl(Severity.class.getProtectionDomain().getCodeSource().getLocation());

    private static final List<String> ORDER = List.of("model", "concurrent", "json", "yaml", "semver", "lockfile",
            "shell", "project", "registry", "tarball", "js", "analysis", "advisory", "policy", "diff", "verify",
            "report", "engine");

    @Test
    void everyPackageIsInTheLayerList() {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            String rest = c.getPackageName().substring("dev.portcullis.".length());
            found.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
        }
        assertThat(found).as("top-level packages of portcullis-core; a new one is placed in ORDER (and in "
                + "ARCHITECTURE.md), because a package outside the list is checked by no layer rule")
                .isEqualTo(new TreeSet<>(ORDER));
    }

    @Test
    void packagesUseOnlyThePackagesAboveThem() {
        Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (String name : ORDER) {
            layers = layers.layer(name).definedBy("dev.portcullis." + name + "..");
        }
        for (int i = 0; i < ORDER.size(); i++) {
            String[] below = ORDER.subList(i + 1, ORDER.size()).toArray(String[]::new);
            if (below.length > 0) {
                layers = layers.whereLayer(ORDER.get(i)).mayOnlyBeAccessedByLayers(below);
            } else {
                layers = layers.whereLayer(ORDER.get(i)).mayNotBeAccessedByAnyLayer();
            }
        }
        layers.because("each stage must be testable with the stages before it alone, and the pipeline reads top "
                + "to bottom (ARCHITECTURE.md)").check(CLASSES);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("dev.portcullis.(*)..").should().beFreeOfCycles()
                .because("a cycle between two stages makes neither testable nor replaceable alone")
                .check(CLASSES);
    }

    @Test
    void noCyclesBetweenSubPackages() {
        slices().matching("dev.portcullis.(**)").should().beFreeOfCycles()
                .because("a sub-package (lockfile.pnpm, analysis.meta) is a plug-in of its parent: it may use the "
                        + "parent's contract, but the parent must not reach into one plug-in, nor two plug-ins "
                        + "into each other, or adding and removing one is no longer one list entry")
                .check(CLASSES);
    }

    @Test
    void oneJsonSetup() {
        noClasses().that().resideOutsideOfPackage("dev.portcullis.json..")
                .should().callConstructor(com.fasterxml.jackson.databind.ObjectMapper.class)
                .because("JSON limits and features are set once, in json.Json")
                .check(CLASSES);
    }

    @Test
    void oneYamlSetup() {
        noClasses().that().resideOutsideOfPackage("dev.portcullis.yaml..")
                .should().callMethod(org.snakeyaml.engine.v2.api.LoadSettings.class, "builder")
                .because("YAML limits (size, aliases, duplicate keys) are named configuration set once, in "
                        + "yaml.Yaml, so no reader of untrusted YAML forgets one")
                .check(CLASSES);
    }

    @Test
    void noYamlDataBinding() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.dataformat.yaml..")
                .because("YAML is read with snakeyaml-engine through yaml.Yaml; jackson-dataformat-yaml is a test "
                        + "dependency only")
                .check(CLASSES);
    }

    @Test
    void noFlywayInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.flywaydb.core.internal..")
                .because("Flyway's internal packages change without notice between versions; its public "
                        + "configuration API is enough")
                .check(CLASSES);
    }

    @Test
    void oneHttpClientSetup() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.portcullis.registry.HttpClients")
                .should().callMethod(java.net.http.HttpClient.class, "newBuilder")
                .orShould().callMethod(java.net.http.HttpClient.class, "newHttpClient")
                .because("proxies, CA files and timeouts from .npmrc are applied in one place")
                .check(CLASSES);
    }
}
