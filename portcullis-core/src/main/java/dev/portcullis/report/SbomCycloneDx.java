package dev.portcullis.report;

import dev.portcullis.report.SbomReport.Component;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.util.LicenseResolver;

/**
 * An SBOM as CycloneDX 1.6 JSON, built with the CycloneDX library's model and generator: the project as
 * {@code metadata.component}, Portcullis as {@code metadata.tools}, one library component per package (purl,
 * version, hashes, scope, licenses), workspace packages with the property {@code portcullis:workspace}, and the
 * graph as {@code dependencies}. A serial number and a timestamp only when the report has them.
 */
final class SbomCycloneDx {
    /** An SPDX expression (ids joined by AND, OR, WITH and parentheses), as npm asks a license field to be. */
    private static final Pattern EXPRESSION = Pattern.compile("\\(?[A-Za-z0-9.+-]+( (AND|OR|WITH) \\(?[A-Za-z0-9.+-]+\\)?)+\\)?");

    void write(SbomReport report, Writer out) throws IOException {
        Bom bom = new Bom();
        if (report.serialNumber() != null) {
            bom.setSerialNumber(report.serialNumber());
        }
        Metadata metadata = new Metadata();
        // the library dates every Metadata it makes; the document is dated only when asked
        metadata.setTimestamp(report.timestamp() == null ? null : Date.from(report.timestamp()));
        org.cyclonedx.model.Component tool = new org.cyclonedx.model.Component();
        tool.setType(org.cyclonedx.model.Component.Type.APPLICATION);
        tool.setName("portcullis");
        tool.setVersion(report.toolVersion());
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        org.cyclonedx.model.Component root = component(report.root());
        root.setType(org.cyclonedx.model.Component.Type.APPLICATION);
        root.setScope(null);
        metadata.setComponent(root);
        bom.setMetadata(metadata);
        List<org.cyclonedx.model.Component> components = new ArrayList<>();
        for (Component c : report.components()) {
            components.add(component(c));
        }
        bom.setComponents(components);
        List<Dependency> dependencies = new ArrayList<>();
        report.dependencies().forEach((from, to) -> {
            Dependency d = new Dependency(from);
            to.forEach(ref -> d.addDependency(new Dependency(ref)));
            dependencies.add(d);
        });
        bom.setDependencies(dependencies);
        try {
            out.write(BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString());
        } catch (GeneratorException e) {
            throw new IOException("cannot write the CycloneDX document: " + e.getMessage(), e);
        }
        out.write("\n");
    }

    private static org.cyclonedx.model.Component component(Component c) {
        org.cyclonedx.model.Component out = new org.cyclonedx.model.Component();
        out.setType(org.cyclonedx.model.Component.Type.LIBRARY);
        out.setBomRef(c.ref());
        int slash = c.name().indexOf('/');
        if (c.name().startsWith("@") && slash > 0) {
            out.setGroup(c.name().substring(0, slash));
            out.setName(c.name().substring(slash + 1));
        } else {
            out.setName(c.name());
        }
        if (!c.version().isEmpty()) {
            out.setVersion(c.version());
        }
        out.setPurl(c.purl());
        out.setScope(switch (c.scope()) {
            case REQUIRED -> org.cyclonedx.model.Component.Scope.REQUIRED;
            case OPTIONAL -> org.cyclonedx.model.Component.Scope.OPTIONAL;
            case EXCLUDED -> org.cyclonedx.model.Component.Scope.EXCLUDED;
        });
        if (!c.hashes().isEmpty()) {
            out.setHashes(c.hashes().stream().map(h -> new Hash(h.algorithm(), h.hex())).toList());
        }
        if (!c.licenses().isEmpty()) {
            out.setLicenses(licenses(c.licenses()));
        }
        if (c.kind() == SbomReport.Kind.WORKSPACE) {
            Property workspace = new Property();
            workspace.setName("portcullis:workspace");
            workspace.setValue(c.ref().substring("workspace:".length()));
            out.setProperties(List.of(workspace));
        }
        return out;
    }

    /**
     * A declared license as CycloneDX holds it: an expression as such, a known SPDX id as its id (the library
     * resolves the spelling), anything else by name.
     */
    private static LicenseChoice licenses(List<String> declared) {
        LicenseChoice choice = new LicenseChoice();
        if (declared.size() == 1 && EXPRESSION.matcher(declared.getFirst()).matches()) {
            choice.setExpression(new Expression(declared.getFirst()));
            return choice;
        }
        for (String text : declared) {
            LicenseChoice resolved = LicenseResolver.resolve(text, false);
            if (resolved != null && resolved.getLicenses() != null && !resolved.getLicenses().isEmpty()
                    && resolved.getLicenses().getFirst().getId() != null) {
                License license = new License();
                license.setId(resolved.getLicenses().getFirst().getId());
                choice.addLicense(license);
            } else {
                License license = new License();
                license.setName(text);
                choice.addLicense(license);
            }
        }
        return choice;
    }
}
