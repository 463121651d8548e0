package org.regionwise.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code rw --version}: the {@code Implementation-Version} of the jar manifest, falling back to the version Maven
 * filtered into {@code version.properties} (when running from classes, e.g. in tests).
 */
public final class RwVersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "rw " + version(),
            "RegionWise: region-wise losses for medical image segmentation on the JVM",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        };
    }

    /**
     * The RegionWise version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code "unknown"}.
     *
     * @return the version
     */
    public static String version() {
        String v = RwCommand.class.getPackage().getImplementationVersion();
        if (v != null && !v.isBlank()) return v;
        try (InputStream in = RwVersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String f = p.getProperty("version");
                if (f != null && !f.isBlank() && !f.startsWith("${")) return f;
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }
}
