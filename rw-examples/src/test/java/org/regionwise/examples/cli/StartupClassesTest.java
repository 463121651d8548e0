package org.regionwise.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.Nifti;

/**
 * Commands that train nothing pay for nothing they do not use: a real {@code rw} process with the JVM's class-load
 * log shows that {@code --version}, {@code --help}, {@code info}, {@code maps} and {@code evaluate} load no TensorFlow
 * or DJL class (so no native library), no Guice injector, and that {@code --version} and {@code --help} do not
 * initialise Log4j. Times are in {@code rw-examples/bench/startup.sh}, not here.
 */
class StartupClassesTest {

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("--version", true),
                Arguments.of("--help", true),
                Arguments.of("info LABELS", false),
                Arguments.of("maps --labels LABELS --classes 3 --map rrw --out OUT/z.nii.gz", false),
                Arguments.of("evaluate --pred LABELS --ref LABELS", false));
    }

    @ParameterizedTest(name = "rw {0}")
    @MethodSource("commands")
    void loadsNoEngineNoInjector(String command, boolean noLogging, @TempDir Path dir) throws Exception {
        int[] labels = new int[12 * 10 * 8];
        for (int i = 0; i < labels.length; i++) labels[i] = (i / 7) % 3;
        Path file = dir.resolve("labels.nii.gz");
        Nifti.write(file, new LabelImage(Grid.of3D(12, 10, 8), labels));
        Path classes = dir.resolve("classes.log");
        Path log = dir.resolve("rw.log");
        String[] args = command.replace("LABELS", file.toString()).replace("OUT", dir.toString()).split(" ");

        int exit = RwProcess.start(log, List.of("-Xlog:class+load:file=" + classes), args).waitFor();

        assertThat(exit).as(Files.readString(log)).isZero();
        List<String> loaded = Files.readAllLines(classes).stream()
                .map(l -> l.split(" "))                  // "[0.029s][info][class,load] java.lang.Object source: ..."
                .filter(f -> f.length > 1).map(f -> f[1]).toList();
        assertThat(loaded).as("class-load log of rw %s", command).hasSizeGreaterThan(300)
                .contains(RwCommand.class.getName());
        assertThat(loaded).filteredOn(c -> c.startsWith("org.tensorflow.") || c.startsWith("ai.djl.")
                        || c.startsWith("org.bytedeco.") || c.startsWith("com.google.inject.internal.InjectorImpl"))
                .as("engine or injector classes loaded by rw %s", command).isEmpty();
        if (noLogging) {
            assertThat(loaded).filteredOn(c -> c.startsWith("org.apache.logging.log4j.core."))
                    .as("Log4j initialised by rw %s", command).isEmpty();
        }
    }
}
