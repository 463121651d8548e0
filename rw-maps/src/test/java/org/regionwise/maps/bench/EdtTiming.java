package org.regionwise.maps.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.regionwise.maps.distance.EuclideanDistanceTransform;

/**
 * Times {@link EuclideanDistanceTransform#distance} on cubic raw volumes for {@code rw-maps/bench/edt-vs-scipy.sh}:
 * in-process, warm (untimed runs first), best and median of N. Repetitions are interleaved over every
 * (volume, thread count) configuration so that a change of machine load during the run hits all of them alike.
 *
 * <p>Usage: {@code EdtTiming REPEATS THREADS[,THREADS...] MASK.u8:N[:SCIPY.f32] ...}. A mask is one byte per voxel,
 * x fastest, nonzero = foreground, {@code N^3} voxels; with a SciPy result (float32, same order) the largest
 * difference is printed too. Output lines: {@code java NAME threads=T best_s=S median_s=M}, NAME the mask file's name
 * without {@code .u8}.
 */
public final class EdtTiming {
    private EdtTiming() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: EdtTiming REPEATS THREADS[,THREADS...] MASK.u8:N[:SCIPY.f32] ...");
            System.exit(2);
        }
        int repeats = Integer.parseInt(args[0]);
        int[] threads = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int volumes = args.length - 2;
        boolean[][] masks = new boolean[volumes][];
        int[] sides = new int[volumes];
        String[] reference = new String[volumes];
        String[] names = new String[volumes];
        for (int v = 0; v < volumes; v++) {
            String[] parts = args[v + 2].split(":");
            byte[] raw = Files.readAllBytes(Path.of(parts[0]));
            sides[v] = Integer.parseInt(parts[1]);
            reference[v] = parts.length > 2 ? parts[2] : null;
            names[v] = Path.of(parts[0]).getFileName().toString().replaceFirst("\\.u8$", "");
            masks[v] = new boolean[raw.length];
            for (int i = 0; i < raw.length; i++) masks[v][i] = raw[i] != 0;
        }
        double[] spacing = {1, 1, 1};
        double[][][] t = new double[volumes][threads.length][repeats];
        float[][] last = new float[volumes][];
        for (int r = -3; r < repeats; r++) {                       // r < 0: warm-up (JIT, heap)
            for (int v = 0; v < volumes; v++) {
                int[] size = {sides[v], sides[v], sides[v]};
                for (int c = 0; c < threads.length; c++) {
                    EuclideanDistanceTransform edt = EuclideanDistanceTransform.create().threads(threads[c]);
                    long t0 = System.nanoTime();
                    last[v] = edt.distance(masks[v], size, spacing);
                    if (r >= 0) t[v][c][r] = (System.nanoTime() - t0) / 1e9;
                }
            }
        }
        for (int v = 0; v < volumes; v++) {
            for (int c = 0; c < threads.length; c++) {
                double[] s = t[v][c].clone();
                Arrays.sort(s);
                System.out.printf(Locale.ROOT, "java %s threads=%d best_s=%.4f median_s=%.4f%n",
                        names[v], threads[c], s[0], s[repeats / 2]);
            }
            if (reference[v] != null) {
                ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(Path.of(reference[v]))).order(ByteOrder.LITTLE_ENDIAN);
                double maxDiff = 0;
                for (int i = 0; i < last[v].length; i++) maxDiff = Math.max(maxDiff, Math.abs(last[v][i] - b.getFloat(i * 4)));
                System.out.printf(Locale.ROOT, "java %s max_abs_diff_vs_scipy=%.3g%n", names[v], maxDiff);
            }
        }
    }
}
