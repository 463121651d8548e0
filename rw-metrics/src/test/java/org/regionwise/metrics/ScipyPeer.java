package org.regionwise.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/** Runs src/test/python/medpy_reference.py with Debian's /usr/bin/python3 (which has numpy and scipy). */
final class ScipyPeer {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCRIPT = Path.of("src/test/python/medpy_reference.py");

    private ScipyPeer() {}

    /** Null when the peer can run; otherwise the reason it cannot. */
    static String unavailableReason() {
        if (!Files.isExecutable(PYTHON)) return PYTHON + " is not installed";
        if (!Files.isRegularFile(SCRIPT)) return SCRIPT.toAbsolutePath() + " not found (run from the rw-metrics module)";
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import numpy, scipy.ndimage").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) return "numpy/scipy not importable by " + PYTHON + ": " + out.trim();
        } catch (IOException e) {
            return "cannot start " + PYTHON + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return null;
    }

    /** Writes the mask of {@code label} as uint8 raw, x fastest. */
    static void writeMask(Path file, LabelImage img, int label) throws IOException {
        byte[] b = new byte[img.data().length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (img.data()[i] == label ? 1 : 0);
        Files.write(file, b);
    }

    /** The peer's JSON output parsed into numbers. */
    static Map<String, Double> run(Path dir, LabelImage pred, LabelImage ref, int label, int connectivity) throws Exception {
        Path p = dir.resolve("pred.raw");
        Path r = dir.resolve("ref.raw");
        writeMask(p, pred, label);
        writeMask(r, ref, label);
        Grid g = ref.grid();
        String size = Arrays.stream(g.sizes()).mapToObj(Integer::toString).collect(Collectors.joining(","));
        String spacing = Arrays.stream(g.spacings()).mapToObj(Double::toString).collect(Collectors.joining(","));
        Process proc = new ProcessBuilder(List.of(PYTHON.toString(), SCRIPT.toString(), p.toString(), r.toString(), size,
                spacing, Integer.toString(connectivity))).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!proc.waitFor(120, TimeUnit.SECONDS) || proc.exitValue() != 0) throw new IllegalStateException("peer failed: " + out);
        Map<String, Double> m = new HashMap<>();
        Matcher mt = Pattern.compile("\"(\\w+)\": ([-0-9.eE+]+|NaN|Infinity)").matcher(out);
        while (mt.find()) m.put(mt.group(1), Double.parseDouble(mt.group(2)));
        return m;
    }
}
