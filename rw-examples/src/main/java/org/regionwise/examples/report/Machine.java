package org.regionwise.examples.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** One line describing the machine a report was measured on. */
public final class Machine {
    private Machine() {}

    /**
     * E.g. {@code "2 cores (Intel(R) Xeon(R) ...), 24 GiB RAM, Linux 6.1 amd64, Java 17.0.15"}.
     *
     * @return the description
     */
    public static String describe() {
        int cores = Runtime.getRuntime().availableProcessors();
        String cpu = cpuModel();
        String mem = memory();
        return String.format(Locale.ROOT, "%d cores%s%s, %s %s %s, Java %s", cores, cpu.isEmpty() ? "" : " (" + cpu + ")",
                mem.isEmpty() ? "" : ", " + mem + " RAM", System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String l : lines) if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).trim();
        } catch (IOException | RuntimeException e) {
            // not Linux: no model name
        }
        return "";
    }

    private static String memory() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.0f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "";
    }
}
