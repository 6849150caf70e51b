package dev.portcullis.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** What the command line may depend on. */
class CliArchitectureTest {
    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.portcullis.cli");

    @Test
    void usesOnlyTheEngineTheReportsAndTheModel() {
        classes().that().resideInAPackage("dev.portcullis.cli..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.portcullis.cli..", "dev.portcullis.engine..",
                        "dev.portcullis.report..", "dev.portcullis.model..", "dev.portcullis.server", "picocli..", "java..",
                        "com.sun.net.httpserver..")
                .because("commands are thin: they map options onto the engine and print its reports, so a second "
                        + "front end (the registry server) gets the same behaviour by calling the same engine, and "
                        + "the library's inner packages can change without touching the CLI (serve starts the firewall through "
                        + "the server module's top package, Firewall and ServerSetup, not its routes or store; the JDK's HTTP server "
                        + "serves recorded documents on 127.0.0.1 to the launcher's training run, Training)")
                .check(CLI);
    }
}
