package org.regionwise.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code rw-bom} lists every module of the build at the project version and pins nothing else; it has no parent,
 * so importing it does not pin the build's test libraries in an application.
 */
class BomTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static Document read(Path pom) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot read " + pom, e);
        }
    }

    /** The text of the direct child {@code name} of {@code parent}, or null. */
    static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e.getTextContent().strip();
        }
        return null;
    }

    static String projectVersion() { return child(read(ROOT.resolve("pom.xml")).getDocumentElement(), "version"); }

    @Test
    void listsEveryModuleAtTheProjectVersionAndNothingElse() {
        Element parent = read(ROOT.resolve("pom.xml")).getDocumentElement();
        List<String> modules = new ArrayList<>();
        NodeList ms = parent.getElementsByTagName("module");
        for (int i = 0; i < ms.getLength(); i++) modules.add(ms.item(i).getTextContent().strip());
        assertThat(modules).contains("rw-bom", "rw-core", "rw-tensorflow");

        Element bom = read(ROOT.resolve("rw-bom/pom.xml")).getDocumentElement();
        assertThat(child(bom, "parent")).as("rw-bom has no parent").isNull();
        assertThat(child(bom, "packaging")).isEqualTo("pom");
        assertThat(child(bom, "version")).isEqualTo(child(parent, "version"));
        assertThat(child(bom, "groupId")).isEqualTo(child(parent, "groupId"));

        List<String> managed = new ArrayList<>();
        NodeList ds = bom.getElementsByTagName("dependency");
        for (int i = 0; i < ds.getLength(); i++) {
            Element d = (Element) ds.item(i);
            assertThat(child(d, "groupId")).isEqualTo("org.regionwise");
            assertThat(child(d, "version")).isEqualTo("${project.version}");
            String type = child(d, "type");
            if (type == null) managed.add(child(d, "artifactId"));
        }
        List<String> expected = new ArrayList<>(modules);
        expected.remove("rw-bom");
        assertThat(managed).containsExactlyInAnyOrderElementsOf(expected);
        for (String module : expected) {
            Element pom = read(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
            assertThat(child(pom, "artifactId")).isEqualTo(module);
        }
    }

    @Test
    void everyPomDeclaresTheLicence() {
        assertThat(child((Element) read(ROOT.resolve("pom.xml")).getDocumentElement().getElementsByTagName("license").item(0), "name"))
                .isEqualTo("Apache-2.0");
        assertThat(child((Element) read(ROOT.resolve("rw-bom/pom.xml")).getDocumentElement().getElementsByTagName("license").item(0), "name"))
                .isEqualTo("Apache-2.0");
    }
}
