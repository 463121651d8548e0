package org.regionwise.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.training.Inference;
import org.regionwise.training.spi.Network;

/** Sliding-window and mirrored inference against brute-force expectations, with networks whose output is known. */
class SlidingWindowTest {

    /** A two-class "network": p1 = sigmoid(x + slope (u / w - 0.5)) at tile column u of a w-wide input; p0 = 1 - p1. */
    record FakeNet(double slope, int depth) implements Network {
        @Override public ModelSpec.UNet spec() {
            return new ModelSpec.UNet(2, 1, 2, depth, 4, 16, ModelSpec.Normalization.INSTANCE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, false, 1);
        }

        @Override public float[] predict(float[] images, int n, int h, int w) {
            assertThat(h % (1 << depth)).isZero();
            assertThat(w % (1 << depth)).isZero();
            float[] out = new float[n * h * w * 2];
            for (int i = 0; i < n * h * w; i++) {
                int u = i % w;
                double p1 = 1 / (1 + Math.exp(-(images[i] + slope * ((double) u / w - 0.5))));
                out[2 * i] = (float) (1 - p1);
                out[2 * i + 1] = (float) p1;
            }
            return out;
        }

        @Override public void save(Path directory) {}
        @Override public void export(Path directory) {}
        @Override public List<float[]> weights() { return List.of(); }
        @Override public void close() {}
    }

    /** A "network" whose softmax is (0.3, 0.7) everywhere. */
    record ConstantNet(ModelSpec.UNet spec) implements Network {
        @Override public float[] predict(float[] images, int n, int h, int w) {
            float[] out = new float[n * h * w * 2];
            for (int i = 0; i < n * h * w; i++) { out[2 * i] = 0.3f; out[2 * i + 1] = 0.7f; }
            return out;
        }

        @Override public void save(Path directory) {}
        @Override public void export(Path directory) {}
        @Override public List<float[]> weights() { return List.of(); }
        @Override public void close() {}
    }

    static float[][] image(int nx, int ny, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[nx * ny];
        for (int y = 0; y < ny; y++) for (int x = 0; x < nx; x++) v[x + nx * y] = (float) (0.08 * x - 0.05 * y + 0.3 * r.nextGaussian());
        return new float[][] {v};
    }

    @Test
    void windowStartsAreNnUnets() {
        assertThat(SlidingWindow.starts(100, 64, 0.5)).containsExactly(0, 18, 36);
        assertThat(SlidingWindow.starts(64, 64, 0.5)).containsExactly(0);
        assertThat(SlidingWindow.starts(40, 64, 0.5)).containsExactly(0);
        assertThat(SlidingWindow.starts(128, 64, 0.5)).containsExactly(0, 32, 64);
        assertThat(SlidingWindow.starts(129, 64, 0.5)).containsExactly(0, 22, 43, 65);
        assertThat(SlidingWindow.starts(200, 64, 1.0)).containsExactly(0, 45, 91, 136);
    }

    @Test
    void theGaussianHasItsMaximumOneAtTheCentreSigmaAnEighthAndNoZero() {
        float[] g = SlidingWindow.gaussian(64, 2);
        float max = 0, min = 1;
        for (float v : g) { max = Math.max(max, v); min = Math.min(min, v); }
        assertThat(max).isCloseTo(1f, within(1e-3f)); // centre (31.5, 31.5) lies between pixels
        assertThat(min).isPositive();
        // one sigma (8 px) from the centre along x: exp(-1/2) of the centre value
        assertThat(g[(31 + 8) + 64 * 31] / g[31 + 64 * 31]).isCloseTo((float) Math.exp(-((39 - 31.5) * (39 - 31.5) - 0.25) / 128.0), within(1e-5f));
        assertThat(g[0 + 64 * 31]).isLessThan(g[16 + 64 * 31]);
    }

    @ParameterizedTest(name = "{0} x {1}, window {2}, step {3}")
    @CsvSource({"100, 70, 32, 0.5", "37, 29, 16, 0.5", "20, 12, 32, 0.5", "64, 64, 64, 0.5", "90, 50, 32, 1.0", "130, 66, 64, 0.25"})
    void aPositionIndependentNetworkGivesTheWholeImagePredictionWhateverTheWindows(int nx, int ny, int window, double step) {
        FakeNet net = new FakeNet(0, 3);
        float[][] z = image(nx, ny, nx * 31L + ny);
        float[][] whole = SlidingWindow.predict(net, z, nx, ny, Inference.WHOLE_IMAGE);
        float[][] tiled = SlidingWindow.predict(net, z, nx, ny, Inference.slidingWindow(window).withStep(step));
        for (int c = 0; c < 2; c++) for (int i = 0; i < nx * ny; i++) assertThat(tiled[c][i]).isCloseTo(whole[c][i], within(2e-6f));
    }

    @Test
    void aWindowCoveringTheImageEqualsTheWholeImagePredictionOfAnyNetwork() {
        FakeNet net = new FakeNet(3, 3); // depends on the position in its input
        float[][] z = image(64, 48, 3);
        float[][] whole = SlidingWindow.predict(net, z, 64, 48, Inference.WHOLE_IMAGE);
        float[][] tiled = SlidingWindow.predict(net, z, 64, 48, Inference.slidingWindow(64));
        // one window; the whole image pads 48 to 48 and 64 to 64, the window pads 48 to 64 with zeros below the image,
        // which this network does not see (it looks at its own pixel and column only)
        for (int c = 0; c < 2; c++) for (int i = 0; i < 64 * 48; i++) assertThat(tiled[c][i]).isCloseTo(whole[c][i], within(1e-6f));
        // with windows smaller than the image the position-dependent outputs are blended: the result differs
        float[][] blended = SlidingWindow.predict(net, z, 64, 48, Inference.slidingWindow(32));
        double diff = 0;
        for (int i = 0; i < 64 * 48; i++) diff = Math.max(diff, Math.abs(blended[1][i] - whole[1][i]));
        assertThat(diff).isGreaterThan(0.05);
    }

    @Test
    void aConstantNetworkGivesTheConstantAfterGaussianBlending() {
        Network constant = new ConstantNet(new FakeNet(0, 2).spec());
        float[][] p = SlidingWindow.predict(constant, image(77, 45, 1), 77, 45, Inference.slidingWindow(16).withMirroring(true));
        for (int i = 0; i < 77 * 45; i++) {
            assertThat(p[0][i]).isCloseTo(0.3f, within(1e-6f));
            assertThat(p[1][i]).isCloseTo(0.7f, within(1e-6f));
        }
    }

    @Test
    void mirroringFlipsEachOutputBackBeforeAveraging() {
        int nx = 32, ny = 24;
        float[][] z = image(nx, ny, 8);
        // equivariant network: mirroring changes nothing (an output not flipped back would be mirrored)
        FakeNet pointwise = new FakeNet(0, 3);
        float[][] plain = SlidingWindow.predict(pointwise, z, nx, ny, Inference.WHOLE_IMAGE);
        float[][] tta = SlidingWindow.predict(pointwise, z, nx, ny, Inference.WHOLE_IMAGE.withMirroring(true));
        for (int i = 0; i < nx * ny; i++) assertThat(tta[1][i]).isCloseTo(plain[1][i], within(1e-6f));
        // a network that sees its column: the average over x-flips of sigmoid(x + s (u / w - 1/2)), brute force
        double s = 2;
        FakeNet positional = new FakeNet(s, 3);
        float[][] got = SlidingWindow.predict(positional, z, nx, ny, Inference.WHOLE_IMAGE.withMirroring(true));
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double v = z[0][x + nx * y];
                double a = 1 / (1 + Math.exp(-(v + s * ((double) x / nx - 0.5))));
                double b = 1 / (1 + Math.exp(-(v + s * ((double) (nx - 1 - x) / nx - 0.5))));
                assertThat((double) got[1][x + nx * y]).isCloseTo((a + a + b + b) / 4, within(1e-6));
            }
        }
    }

    @Test
    void aWindowThatIsNotAMultipleOfTwoToTheDepthIsRefused() {
        assertThatThrownBy(() -> SlidingWindow.predict(new FakeNet(0, 3), image(40, 40, 1), 40, 40, Inference.slidingWindow(20)))
                .hasMessageContaining("multiple of 2^depth = 8");
        assertThatThrownBy(() -> Inference.slidingWindow(0)).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> new Inference(16, 0, false)).hasMessageContaining("(0, 1]");
    }

    // ---- 3D ----

    /** A two-class 3D "network": p1 = sigmoid(x + slope (w_pos / d - 0.5)) at tile slice w_pos of a d-deep input. */
    record FakeNet3d(double slope, int depth) implements Network {
        @Override public ModelSpec.UNet spec() {
            return new ModelSpec.UNet(3, 1, 2, depth, 4, 16, ModelSpec.Normalization.INSTANCE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, false, 1);
        }

        @Override public float[] predict(float[] images, int n, int h, int w) { throw new AssertionError("a 3D net gets volumes"); }

        @Override public float[] predict(float[] images, int n, int d, int h, int w) {
            int m = 1 << depth;
            assertThat(d % m).isZero();
            assertThat(h % m).isZero();
            assertThat(w % m).isZero();
            float[] out = new float[n * d * h * w * 2];
            for (int i = 0; i < n * d * h * w; i++) {
                int z = (i / (h * w)) % d;
                double p1 = 1 / (1 + Math.exp(-(images[i] + slope * ((double) z / d - 0.5))));
                out[2 * i] = (float) (1 - p1);
                out[2 * i + 1] = (float) p1;
            }
            return out;
        }

        @Override public void save(Path directory) {}
        @Override public void export(Path directory) {}
        @Override public List<float[]> weights() { return List.of(); }
        @Override public void close() {}
    }

    static float[][] volume(int nx, int ny, int nz, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[nx * ny * nz];
        for (int i = 0; i < v.length; i++) v[i] = (float) (0.05 * (i % nx) - 0.04 * (i / (nx * ny)) + 0.3 * r.nextGaussian());
        return new float[][] {v};
    }

    @ParameterizedTest(name = "3D {0} x {1} x {2}, window {3}")
    @CsvSource({"37, 29, 21, 16", "16, 16, 16, 16", "10, 40, 9, 16", "33, 17, 40, 8"})
    void inThreeDAPositionIndependentNetworkGivesTheWholeVolumePredictionWhateverTheWindows(int nx, int ny, int nz, int window) {
        FakeNet3d net = new FakeNet3d(0, 3);
        float[][] z = volume(nx, ny, nz, 3);
        float[][] whole = SlidingWindow.predict(net, z, new int[] {nx, ny, nz}, Inference.WHOLE_IMAGE);
        float[][] tiled = SlidingWindow.predict(net, z, new int[] {nx, ny, nz}, Inference.slidingWindow(window));
        for (int c = 0; c < 2; c++) for (int i = 0; i < nx * ny * nz; i++) assertThat(tiled[c][i]).isCloseTo(whole[c][i], within(1e-6f));
        // brute force: sigmoid of the voxel itself
        for (int i = 0; i < nx * ny * nz; i += 13) assertThat(whole[1][i]).isCloseTo((float) (1 / (1 + Math.exp(-z[0][i]))), within(1e-6f));
    }

    @Test
    void inThreeDWindowsBlendWithAProductOfGaussiansAndACoveringWindowIsTheWholePass() {
        FakeNet3d net = new FakeNet3d(3, 2);
        float[][] z = volume(16, 16, 16, 4);
        int[] size = {16, 16, 16};
        float[][] whole = SlidingWindow.predict(net, z, size, Inference.WHOLE_IMAGE);
        float[][] one = SlidingWindow.predict(net, z, size, Inference.slidingWindow(16));
        for (int i = 0; i < whole[1].length; i++) assertThat(one[1][i]).isCloseTo(whole[1][i], within(1e-6f));
        // windows of 8 at starts 0, 4, 8 along each axis: voxel (5, 5, 5) lies in windows starting at 0 and 4 on each
        // axis; brute force over the 8 windows with the 3D Gaussian as weights
        float[][] blended = SlidingWindow.predict(net, z, size, Inference.slidingWindow(8));
        float[] g = SlidingWindow.gaussian(8, 3);
        int x = 5, y = 5, zz = 5, o = x + 16 * (y + 16 * zz);
        double num = 0, den = 0;
        for (int sz : new int[] {0, 4}) for (int sy : new int[] {0, 4}) for (int sx : new int[] {0, 4}) {
            int lz = zz - sz;
            double p1 = 1 / (1 + Math.exp(-(z[0][o] + 3 * ((double) lz / 8 - 0.5))));
            double w = g[(x - sx) + 8 * ((y - sy) + 8 * lz)];
            num += w * p1;
            den += w;
        }
        assertThat(blended[1][o]).isCloseTo((float) (num / den), within(1e-5f));
        // the 3D Gaussian is the product of one Gaussian per axis (sigma = 1, centre 3.5), maximum 1
        double[] g1 = new double[8];
        for (int k = 0; k < 8; k++) g1[k] = Math.exp(-(k - 3.5) * (k - 3.5) / 2) / Math.exp(-0.125);
        for (int[] v : new int[][] {{0, 0, 0}, {3, 2, 4}, {7, 1, 5}, {4, 4, 3}}) {
            assertThat(g[v[0] + 8 * (v[1] + 8 * v[2])]).isCloseTo((float) (g1[v[0]] * g1[v[1]] * g1[v[2]]), within(1e-6f));
        }
    }

    @Test
    void inThreeDMirroringAveragesEightFlipsFlippedBack() {
        // the z-dependent net: mirroring along z turns slope (z/d - 0.5) into slope ((d-1-z)/d - 0.5) after flipping back
        FakeNet3d net = new FakeNet3d(2, 2);
        int n = 8;
        float[][] zero = {new float[n * n * n]};
        float[][] tta = SlidingWindow.predict(net, zero, new int[] {n, n, n}, Inference.WHOLE_IMAGE.withMirroring(true));
        for (int z = 0; z < n; z++) {
            double a = 1 / (1 + Math.exp(-2 * ((double) z / n - 0.5))), b = 1 / (1 + Math.exp(-2 * ((double) (n - 1 - z) / n - 0.5)));
            assertThat(tta[1][3 + n * (4 + n * z)]).as("slice %d", z).isCloseTo((float) ((a + b) / 2), within(1e-6f));
        }
    }

    @Test
    void aThreeDNetworkRefusesTwoDImagesAndOddWindows() {
        FakeNet3d net = new FakeNet3d(0, 3);
        assertThatThrownBy(() -> SlidingWindow.predict(net, image(16, 16, 1), 16, 16, Inference.WHOLE_IMAGE)).hasMessageContaining("3D network predicts 3D images");
        assertThatThrownBy(() -> SlidingWindow.predict(net, volume(16, 16, 16, 1), new int[] {16, 16, 16}, Inference.slidingWindow(12)))
                .hasMessageContaining("multiple of 2^depth = 8");
    }
}
