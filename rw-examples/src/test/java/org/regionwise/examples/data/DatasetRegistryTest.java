package org.regionwise.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.examples.testing.TinyNnUnet;

/** Dataset names as users type them: an nnU-Net folder with or without the nnunet: prefix. */
class DatasetRegistryTest {

    @Test
    void aFolderHoldingDatasetJsonIsAnNnUnetDatasetWithoutThePrefix(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("Dataset042_Tiny");
        TinyNnUnet.write(root, 5, true, TinyNnUnet.DATASET_JSON_V2);
        assertThat(DatasetRegistry.canonical(root.toString())).isEqualTo("nnunet:" + root);
        assertThat(DatasetRegistry.canonical(" nnunet:" + root + " ")).isEqualTo("nnunet:" + root);
        assertThat(DatasetRegistry.isNnUnet(root.toString())).isTrue();
        DatasetRegistry.requireKnown(root.toString());
        Dataset bare = DatasetRegistry.defaults().load(root.toString());
        Dataset prefixed = DatasetRegistry.defaults().load("nnunet:" + root);
        assertThat(bare.training()).hasSameSizeAs(prefixed.training());
        assertThat(bare.classNames()).isEqualTo(prefixed.classNames());

        // a folder without dataset.json is not a dataset; names keep their meaning
        Files.createDirectories(dir.resolve("empty"));
        assertThat(DatasetRegistry.isNnUnet(dir.resolve("empty").toString())).isFalse();
        assertThatThrownBy(() -> DatasetRegistry.requireKnown(dir.resolve("empty").toString()))
                .hasMessageContaining("unknown dataset").hasMessageContaining("the folder holding dataset.json itself");
        assertThat(DatasetRegistry.canonical("synthetic-kidney")).isEqualTo("synthetic-kidney");
    }
}
