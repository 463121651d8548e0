package org.regionwise.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionWiseConfigurationTest {
    @TempDir Path dir;

    @Test
    void precedenceIsSystemPropertyThenEnvironmentThenFileThenDefault() throws IOException {
        Files.writeString(dir.resolve("regionwise.properties"), "regionwise.backend = from-file\nregionwise.loss=dice\nregionwise.threads=3\n");
        Map<String, String> env = Map.of("REGIONWISE_BACKEND", "from-env", "REGIONWISE_THREADS", "5");
        Map<String, String> props = Map.of("regionwise.backend", "from-property");

        RegionWiseConfiguration all = RegionWiseConfiguration.load(props, env, dir);
        assertThat(all.backend()).isEqualTo("from-property");
        assertThat(all.source("regionwise.backend")).isEqualTo("system property regionwise.backend");
        assertThat(all.get("regionwise.threads")).contains("5");
        assertThat(all.loss()).isEqualTo("dice");
        assertThat(all.source("regionwise.loss")).startsWith("file ");

        RegionWiseConfiguration noProperty = RegionWiseConfiguration.load(Map.of(), env, dir);
        assertThat(noProperty.backend()).isEqualTo("from-env");
        assertThat(noProperty.source("regionwise.backend")).isEqualTo("environment variable REGIONWISE_BACKEND");

        RegionWiseConfiguration fileOnly = RegionWiseConfiguration.load(Map.of(), Map.of(), dir);
        assertThat(fileOnly.backend()).isEqualTo("from-file");
        assertThat(fileOnly.file()).contains(dir.resolve("regionwise.properties"));

        RegionWiseConfiguration nothing = RegionWiseConfiguration.load(Map.of(), Map.of(), dir.resolve("elsewhere"));
        assertThat(nothing.backend()).isEqualTo("tensorflow");
        assertThat(nothing.loss()).isEqualTo("rrw");
        assertThat(nothing.source("regionwise.backend")).isEqualTo("default");
        assertThat(nothing.file()).isEmpty();
        assertThat(nothing.get("regionwise.unknown")).isEmpty();
    }

    @Test
    void explicitValuesWinOverEverySource() {
        RegionWiseConfiguration c = RegionWiseConfiguration.load(Map.of("regionwise.backend", "prop"), Map.of(), dir)
                .with(Map.of("regionwise.backend", "code"));
        assertThat(c.backend()).isEqualTo("code");
        assertThat(c.source("regionwise.backend")).isEqualTo("explicit setting regionwise.backend");
    }

    @Test
    void blankValuesCountAsUnset() {
        RegionWiseConfiguration c = RegionWiseConfiguration.load(Map.of("regionwise.backend", "  "), Map.of("REGIONWISE_BACKEND", "env"), dir);
        assertThat(c.backend()).isEqualTo("env");
    }

    @Test
    void aNamedFileIsReadAndMustExist() throws IOException {
        Path file = dir.resolve("my.properties");
        Files.writeString(file, "regionwise.backend=named\n");
        assertThat(RegionWiseConfiguration.load(Map.of("regionwise.config", file.toString()), Map.of(), dir).backend()).isEqualTo("named");
        assertThat(RegionWiseConfiguration.load(Map.of(), Map.of("REGIONWISE_CONFIG", "my.properties"), dir).backend()).isEqualTo("named");
        assertThatThrownBy(() -> RegionWiseConfiguration.load(Map.of("regionwise.config", "missing.properties"), Map.of(), dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.properties").hasMessageContaining("does not exist");
    }

    @Test
    void environmentNamesAndEffectiveSettings() {
        assertThat(RegionWiseConfiguration.environmentName("regionwise.backend")).isEqualTo("REGIONWISE_BACKEND");
        assertThat(RegionWiseConfiguration.environmentName("regionwise.output-dir")).isEqualTo("REGIONWISE_OUTPUT_DIR");
        RegionWiseConfiguration c = RegionWiseConfiguration.load(Map.of("regionwise.seed", "1", "java.version", "17"),
                Map.of("REGIONWISE_THREADS", "4", "PATH", "/bin"), dir);
        assertThat(c.effective()).containsOnlyKeys("regionwise.backend", "regionwise.loss", "regionwise.seed", "regionwise.threads");
        assertThat(c.toString()).contains("regionwise.threads=4");
    }
}
