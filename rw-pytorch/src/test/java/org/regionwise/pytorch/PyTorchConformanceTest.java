package org.regionwise.pytorch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.training.NetworkModel;
import org.regionwise.training.conformance.EngineConformanceSuite;
import org.regionwise.training.spi.Engine;

/** The PyTorch engine passes the conformance suite; its export loads for inference and its state file detects damage. */
class PyTorchConformanceTest extends EngineConformanceSuite {
    @Override protected Engine engine() { return new PyTorchEngine(); }

    /** The export (weights without optimiser state) loads with PyTorchEngine.load and predicts what the model predicts. */
    @Override
    protected void checkExport(NetworkModel m, Path directory) throws Exception {
        boolean threeD = m.spec().dimensions() == 3;
        float[] input = new float[threeD ? 19 * 13 * 7 : 32 * 40];
        Random r = new Random(1);
        for (int i = 0; i < input.length; i++) input[i] = (float) r.nextGaussian();
        FloatImage image = new FloatImage(threeD ? Grid.of(new int[] {19, 13, 7}, new double[] {1, 1, 3}) : Grid.of2D(40, 32), input);
        try (NetworkModel loaded = new NetworkModel(new PyTorchEngine().load(directory), java.util.List.of())) {
            assertThat(loaded.withInference(m.inference()).predict(image).data(1)).containsExactly(m.predict(image).data(1));
        }
        // a flipped byte is caught by the checksum, a cut file as truncated; both name the file
        Path state = directory.resolve("parameters.bin");
        byte[] b = Files.readAllBytes(state);
        byte[] flipped = b.clone();
        flipped[b.length / 2] ^= 0x40;
        Files.write(state, flipped);
        assertThatThrownBy(() -> new PyTorchEngine().load(directory)).hasMessageContaining(state.toString()).hasMessageContaining("corrupt");
        Files.write(state, java.util.Arrays.copyOf(b, b.length / 2));
        assertThatThrownBy(() -> new PyTorchEngine().load(directory)).hasMessageContaining(state.toString()).hasMessageContaining("truncated");
        Files.write(state, b);
    }
}
