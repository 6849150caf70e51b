package dev.portcullis.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

/**
 * The server's layers, below the engine: store and blob (storage, knowing nothing of HTTP or policy), gate (the
 * decisions, over the engine), routes (HTTP), and the top package composing them (Firewall, the configuration).
 */
class ServerArchitectureTest {
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.portcullis.server");

    @Test
    void layers() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("server").definedBy("dev.portcullis.server")
                .layer("routes").definedBy("dev.portcullis.server.routes..")
                .layer("gate").definedBy("dev.portcullis.server.gate..")
                .layer("store").definedBy("dev.portcullis.server.store..")
                .layer("blob").definedBy("dev.portcullis.server.blob..")
                .whereLayer("server").mayNotBeAccessedByAnyLayer()
                .whereLayer("routes").mayOnlyBeAccessedByLayers("server")
                .whereLayer("gate").mayOnlyBeAccessedByLayers("routes", "server")
                .whereLayer("store").mayOnlyBeAccessedByLayers("gate", "routes", "server")
                .whereLayer("blob").mayOnlyBeAccessedByLayers("gate", "routes", "server")
                .because("storage must be replaceable (PostgreSQL, S3 next) without touching HTTP, and the routes "
                        + "hold no decision logic of their own: the gate decides, over the engine")
                .check(SERVER);
    }

    @Test
    void judgesOnlyThroughTheEngine() {
        noClasses().that().resideInAPackage("dev.portcullis.server..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.js..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.portcullis.policy.PolicyEngine")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.portcullis.tarball.TarballReader")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.portcullis.analysis.meta.MetadataRules")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.portcullis.registry.RegistryCache")
                .orShould().callMethod(java.net.http.HttpClient.class, "newBuilder")
                .because("a version must get the same verdict from the firewall as from scan --deep and inspect: "
                        + "the server judges with PackageJudge and fetches with PackageFetcher over the engine's "
                        + "one RegistryClient, never with parts of its own")
                .allowEmptyShould(true)
                .check(SERVER);
    }

    @Test
    void storageKnowsNothingOfHttp() {
        classes().that().resideInAnyPackage("dev.portcullis.server.store..", "dev.portcullis.server.blob..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("com.sun.net.httpserver..",
                        "dev.portcullis.engine..")
                .because("the store and the blob store are storage: the next backends (PostgreSQL, S3) replace "
                        + "them one for one")
                .check(SERVER);
    }
}
