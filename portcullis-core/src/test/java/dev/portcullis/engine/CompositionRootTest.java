package dev.portcullis.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.portcullis.registry.HttpClients;
import dev.portcullis.registry.NpmConfig;
import dev.portcullis.registry.RegistryCache;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.registry.RegistryLimits;
import org.junit.jupiter.api.Test;

/**
 * {@link Portcullis} is the composition root of a run: the one place that builds the HTTP client and the registry
 * client. A second client per stage is what made one scan fetch every packument twice and build five clients.
 */
class CompositionRootTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.portcullis");

    @Test
    void onlyTheCompositionRootBuildsTheRegistryClient() {
        noClasses().that().doNotHaveFullyQualifiedName(Portcullis.class.getName())
                .should().callConstructor(RegistryClient.class, java.net.http.HttpClient.class, NpmConfig.class,
                        RegistryCache.class, boolean.class, RegistryLimits.class)
                .because("one registry client per run shares the cache, the connection pool and the per-package "
                        + "reads; Portcullis.registry() hands it out")
                .check(CLASSES);
    }

    @Test
    void onlyTheCompositionRootAsksForAnHttpClient() {
        noClasses().that().doNotHaveFullyQualifiedName(Portcullis.class.getName())
                .and().doNotHaveFullyQualifiedName(HttpClients.class.getName())
                .should().callMethod(HttpClients.class, "forConfig", NpmConfig.class)
                .orShould().callMethod(HttpClients.class, "forConfig", NpmConfig.class, javax.net.ssl.SSLContext.class)
                .because("the HTTP client of a run is built once, by Portcullis, from the run's npm configuration")
                .check(CLASSES);
    }
}
