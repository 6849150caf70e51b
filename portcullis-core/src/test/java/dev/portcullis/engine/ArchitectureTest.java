package dev.portcullis.engine;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

/**
 * The pipeline order of ARCHITECTURE.md: a package may use only the packages above it. Why: each stage must be
 * testable with the stages before it alone, and front ends (CLI, server) must hold no analysis logic.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.portcullis");

    private static final String[] ORDER = {"model", "concurrent", "json", "semver", "lockfile", "shell", "project", "registry", "tarball", "js",
            "analysis", "advisory", "policy", "report", "engine"};

    @Test
    void packagesUseOnlyThePackagesAboveThem() {
        Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (String name : ORDER) {
            layers = layers.layer(name).definedBy("dev.portcullis." + name + "..");
        }
        for (int i = 0; i < ORDER.length; i++) {
            String[] below = java.util.Arrays.copyOfRange(ORDER, i + 1, ORDER.length);
            if (below.length > 0) {
                layers = layers.whereLayer(ORDER[i]).mayOnlyBeAccessedByLayers(below);
            } else {
                layers = layers.whereLayer(ORDER[i]).mayNotBeAccessedByAnyLayer();
            }
        }
        layers.check(CLASSES);
    }

    @Test
    void noCycles() {
        slices().matching("dev.portcullis.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void oneJsonSetup() {
        noClasses().that().resideOutsideOfPackage("dev.portcullis.json..")
                .should().callConstructor(com.fasterxml.jackson.databind.ObjectMapper.class)
                .because("JSON limits and features are set once, in json.Json")
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
