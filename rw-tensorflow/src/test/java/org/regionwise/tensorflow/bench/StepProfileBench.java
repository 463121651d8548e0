package org.regionwise.tensorflow.bench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.regionwise.tensorflow.internal.ModelGraph;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * Where the time of one U-Net training step goes: runs {@code StepTimeBench}'s step with TensorFlow's full trace and
 * prints the op types by summed node time (microseconds per step, summed over threads, so the total exceeds the
 * wall time when ops overlap). Arguments as {@link StepTimeBench} ({@link StepBenchSetup}), the measured steps being
 * traced.
 */
public final class StepProfileBench {
    public static void main(String[] args) {
        StepBenchSetup setup = StepBenchSetup.fromArgs(args, 10);
        int traced = setup.steps();
        try (ModelGraph g = setup.graph()) {
            for (int i = 0; i < setup.warmUp(); i++) setup.step(g);
            Map<String, long[]> byType = new HashMap<>();
            long wall = 0;
            for (int i = 0; i < traced; i++) {
                long t0 = System.nanoTime();
                RunMetadata md = g.profileStep(setup.batch(), 1e-4, new double[0]).metadata();
                wall += (System.nanoTime() - t0) / 1000;
                for (DeviceStepStats d : md.getStepStats().getDevStatsList()) {
                    for (NodeExecStats n : d.getNodeStatsList()) {
                        String label = n.getTimelineLabel();
                        int eq = label.indexOf(" = ");
                        int paren = label.indexOf('(', Math.max(eq, 0));
                        String type = eq >= 0 && paren > eq ? label.substring(eq + 3, paren) : n.getNodeName();
                        if (System.getenv("PROFILE_NODES") != null && i == traced - 1 && n.getAllEndRelMicros() > 500) {
                            System.out.printf(Locale.ROOT, "node %8.2f ms %s%n", n.getAllEndRelMicros() / 1000.0, label);
                        }
                        long[] acc = byType.computeIfAbsent(type, k -> new long[2]);
                        acc[0] += n.getAllEndRelMicros();
                        acc[1]++;
                    }
                }
            }
            long total = byType.values().stream().mapToLong(a -> a[0]).sum();
            System.out.printf(Locale.ROOT, "traced wall %.1f ms/step, summed node time %.1f ms/step%n", wall / 1000.0 / traced, total / 1000.0 / traced);
            final int n = traced;
            byType.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0])).limit(40)
                    .forEach(e -> System.out.printf(Locale.ROOT, "%-40s %8.2f ms %5d nodes%n", e.getKey(), e.getValue()[0] / 1000.0 / n, e.getValue()[1] / n));
        }
    }
}
