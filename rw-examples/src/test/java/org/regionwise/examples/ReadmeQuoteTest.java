package org.regionwise.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Using it from Java and Kotlin" section quotes the consumer applications in {@code examples/}: every
 * fenced block that follows a paragraph ending in {@code [name](path):} must occur in that file, line for line
 * (leading and trailing blanks of each line aside, so that the README may indent less). The consumers import the BOM
 * at the project version.
 */
class ReadmeQuoteTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SOURCE = Pattern.compile("\\[[^\\]]+\\]\\(([^)]+)\\):\\s*$");

    /** A fenced block and the file the paragraph before it names. */
    record Quote(Path file, List<String> lines, int readmeLine) {}

    /** The quotes in the section headed {@code heading} of {@code readme}. */
    static List<Quote> quotes(List<String> readme, String heading) {
        List<Quote> out = new ArrayList<>();
        int start = readme.indexOf(heading);
        assertThat(start).as("README has the section %s", heading).isNotNegative();
        Path source = null;
        for (int i = start + 1; i < readme.size() && !readme.get(i).startsWith("## "); i++) {
            String line = readme.get(i);
            if (line.startsWith("```")) {
                int end = i + 1;
                while (!readme.get(end).startsWith("```")) end++;
                if (source != null) out.add(new Quote(ROOT.resolve(source), readme.subList(i + 1, end), i + 1));
                i = end;
                source = null;
            } else if (!line.isBlank()) {
                Matcher m = SOURCE.matcher(line);
                source = m.find() ? Path.of(m.group(1)) : null;
            }
        }
        return out;
    }

    /** Whether {@code quote} occurs in {@code file} as consecutive lines, each compared without its outer blanks. */
    static boolean quoted(List<String> quote, List<String> file) {
        return Collections.indexOfSubList(strip(file), strip(quote)) >= 0;
    }

    private static List<String> strip(List<String> lines) { return lines.stream().map(String::strip).toList(); }

    @Test
    void everyQuoteInTheApiSectionIsInItsFile() throws IOException {
        List<Quote> quotes = quotes(Files.readAllLines(ROOT.resolve("README.md")), "## Using it from Java and Kotlin");
        assertThat(quotes).extracting(q -> ROOT.relativize(q.file()).toString()).containsExactly(
                "examples/consumer-java/pom.xml",
                "examples/consumer-java/src/main/java/com/example/discs/SegmentDiscs.java",
                "examples/consumer-kotlin/src/main/kotlin/com/example/discs/SegmentDiscs.kt");
        for (Quote q : quotes) {
            assertThat(q.lines()).as("README.md line %d", q.readmeLine()).hasSizeGreaterThan(10);
            assertThat(quoted(q.lines(), Files.readAllLines(q.file())))
                    .as("README.md block at line %d is not quoted verbatim from %s:%n%s", q.readmeLine(), q.file(), String.join("\n", q.lines()))
                    .isTrue();
        }
    }

    @Test
    void aChangedLineIsNotAQuote() throws IOException {
        List<String> file = Files.readAllLines(ROOT.resolve("examples/consumer-java/src/main/java/com/example/discs/SegmentDiscs.java"));
        List<String> quote = new ArrayList<>(file.subList(30, 40));
        assertThat(quoted(quote, file)).isTrue();
        quote.set(5, quote.get(5).replace('.', ','));
        assertThat(quoted(quote, file)).isFalse();
    }

    @Test
    void consumersImportTheBomAtTheProjectVersion() throws IOException {
        String version = BomTest.projectVersion();
        for (String consumer : List.of("consumer-java", "consumer-kotlin")) {
            String pom = Files.readString(ROOT.resolve("examples").resolve(consumer).resolve("pom.xml"));
            assertThat(pom).as(consumer).contains("<regionwise.version>" + version + "</regionwise.version>")
                    .contains("<artifactId>rw-bom</artifactId>").contains("<scope>import</scope>");
        }
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("<regionwise.version>" + version + "</regionwise.version>");
    }
}
