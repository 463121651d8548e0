package org.regionwise.maps.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.regionwise.maps.distance.EuclideanDistanceTransform;

/**
 * Times {@link EuclideanDistanceTransform#distance} on a raw volume for {@code rw-maps/bench/edt-vs-scipy.sh}: warm
 * (several untimed runs first), best of N, in-process, like the SciPy side of the script.
 *
 * <p>Usage: {@code EdtTiming MASK.u8 NX NY NZ THREADS REPEATS [SCIPY.f32]}: the mask is one byte per voxel, x fastest,
 * nonzero = foreground. With a SciPy result (float32, same order) it also prints the largest difference. Prints one
 * line {@code java threads=T best_s=S median_s=M}.
 */
public final class EdtTiming {
    private EdtTiming() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 6) {
            System.err.println("usage: EdtTiming MASK.u8 NX NY NZ THREADS REPEATS [SCIPY.f32]");
            System.exit(2);
        }
        byte[] raw = Files.readAllBytes(Path.of(args[0]));
        int[] size = {Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3])};
        int threads = Integer.parseInt(args[4]);
        int repeats = Integer.parseInt(args[5]);
        boolean[] mask = new boolean[raw.length];
        for (int i = 0; i < raw.length; i++) mask[i] = raw[i] != 0;
        double[] spacing = {1, 1, 1};
        EuclideanDistanceTransform edt = EuclideanDistanceTransform.create().threads(threads);
        float[] d = null;
        for (int w = 0; w < 3; w++) d = edt.distance(mask, size, spacing);     // warm-up: JIT and heap
        double[] t = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            d = edt.distance(mask, size, spacing);
            t[r] = (System.nanoTime() - t0) / 1e9;
        }
        java.util.Arrays.sort(t);
        System.out.printf(Locale.ROOT, "java threads=%d best_s=%.4f median_s=%.4f%n", threads, t[0], t[repeats / 2]);
        if (args.length > 6) {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(Path.of(args[6]))).order(ByteOrder.LITTLE_ENDIAN);
            double maxDiff = 0;
            for (int i = 0; i < d.length; i++) maxDiff = Math.max(maxDiff, Math.abs(d[i] - b.getFloat(i * 4)));
            System.out.printf(Locale.ROOT, "java max_abs_diff_vs_scipy=%.3g%n", maxDiff);
        }
    }
}
