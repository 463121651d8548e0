package org.regionwise.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.Nifti;
import org.regionwise.examples.testing.TinyNnUnet;

class NnUnetDatasetTest {
    @TempDir Path root;

    private void write(int cases, boolean testSplit, String json) {
        TinyNnUnet.write(root, cases, testSplit, json);
    }

    private static final String V2 = TinyNnUnet.DATASET_JSON_V2;
    private static final String V1 = "{\"modality\": {\"0\": \"MRI\"}, \"labels\": {\"0\": \"background\", \"1\": \"kidney\", \"2\": \"tumour\"}}";

    @Test
    void loadsV2WithTestSplitSlicingForegroundSlicesOnly() throws IOException {
        write(10, true, V2);
        SplitDataset d = NnUnetDataset.load(root, NnUnetDataset.Options.defaults());
        assertThat(d.classNames()).containsExactly("background", "kidney", "tumour");
        // 10 cases: 2 to validation (index 4, 9), 8 training; 2 foreground slices each
        assertThat(d.training()).hasSize(8 * 2);
        assertThat(d.validation()).hasSize(2 * 2);
        // the test cases are whole volumes (every slice, spacing kept), scored in 3D
        assertThat(d.test()).hasSize(2);
        assertThat(d.test().get(0).id()).endsWith("/test_000");
        assertThat(d.test().get(0).image().grid().sizes()).containsExactly(12, 10, 6);
        assertThat(d.test().get(0).labels().grid().spacing(2)).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(d.description()).contains("whole volumes");
        assertThat(d.training().get(0).image().grid().sizes()).containsExactly(12, 10);
        assertThat(d.training().get(0).image().grid().spacing(0)).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(d.name()).startsWith("nnunet:");
        // z-score per volume: the slice values are centred near the volume's mean
        assertThat(d.normalization().kind()).isEqualTo(IntensityNormalization.Kind.ZSCORE);
    }

    @Test
    void loadsV1WithoutTestFolderHoldingOutCasesAndCtNormalisation() throws IOException {
        write(10, false, V1);
        SplitDataset d = NnUnetDataset.load(root, new NnUnetDataset.Options(2, false, NnUnetDataset.Normalization.CT));
        assertThat(d.classes()).isEqualTo(3);
        // 10 cases: index 3, 8 test (whole volumes); 4, 9 validation; 6 training; every slice kept (6 per case)
        assertThat(d.training()).hasSize(6 * 6);
        assertThat(d.test()).extracting(t -> t.id().substring(t.id().lastIndexOf('/') + 1)).containsExactly("case_003", "case_008");
        assertThat(d.normalization().kind()).isEqualTo(IntensityNormalization.Kind.CT);
        assertThat(d.normalization().low()).isBetween(120.0, 160.0);
        assertThat(d.normalization().high()).isBetween(190.0, 220.0);
    }

    @Test
    void readsEveryDeclaredChannelAndNormalisesEachOnItsOwn() throws IOException {
        TinyNnUnet.write(root, 10, true, TinyNnUnet.DATASET_JSON_V2_TWO_CHANNELS, 2);
        SplitDataset d = NnUnetDataset.load(root, NnUnetDataset.Options.defaults());
        assertThat(d.channels()).isEqualTo(2);
        assertThat(d.training()).allMatch(s -> s.channelCount() == 2);
        assertThat(d.test()).allMatch(s -> s.channelCount() == 2 && s.channels().get(1).grid().sizes()[2] == 6);
        assertThat(d.description()).contains("2 input channels");
        // channel 1 is darker inside the labels, channel 0 brighter: after their own z-scores they stay anti-correlated
        var s = d.training().get(0);
        double dot = 0;
        for (int i = 0; i < s.image().grid().voxelCount(); i++) dot += s.channels().get(0).get(i) * s.channels().get(1).get(i);
        assertThat(dot).isNegative();
        // a missing channel file names the case and the channel; CT normalisation needs one channel
        Files.delete(root.resolve("imagesTr/case_002_0001.nii.gz"));
        assertThatThrownBy(() -> NnUnetDataset.load(root, NnUnetDataset.Options.defaults()))
                .hasMessageContaining("case case_002: channel 1 file").hasMessageContaining("declares 2 channels");
        assertThatThrownBy(() -> NnUnetDataset.load(root, new NnUnetDataset.Options(2, true, NnUnetDataset.Normalization.CT)))
                .hasMessageContaining("needs a single-channel dataset");
    }

    @Test
    void missingLabelFileNamesTheCase() throws IOException {
        write(6, true, V2);
        Files.delete(root.resolve("labelsTr/case_002.nii.gz"));
        assertThatThrownBy(() -> NnUnetDataset.load(root, NnUnetDataset.Options.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("case case_002").hasMessageContaining("missing");
    }

    @Test
    void undeclaredLabelNamesTheCase() throws IOException {
        write(6, true, "{\"labels\": {\"background\": 0, \"kidney\": 1}}");
        assertThatThrownBy(() -> NnUnetDataset.load(root, NnUnetDataset.Options.defaults()))
                .hasMessageContaining("case case_000").hasMessageContaining("label 2").hasMessageContaining("not declared");
    }

    @Test
    void gridMismatchNamesTheCase() throws IOException {
        write(6, true, V2);
        Grid other = Grid.of(new int[] {12, 10, 5}, new double[] {0.8, 0.8, 2.5});
        Nifti.write(root.resolve("labelsTr/case_001.nii.gz"), LabelImage.zeros(other));
        assertThatThrownBy(() -> NnUnetDataset.load(root, NnUnetDataset.Options.defaults()))
                .hasMessageContaining("case case_001").hasMessageContaining("12×10×6").hasMessageContaining("12×10×5");
    }

    @Test
    void badDatasetJsonIsExplained() throws IOException {
        write(6, true, "{\"labels\": {\"background\": 0, \"kidney\": [1, 2]}}");
        assertThatThrownBy(() -> NnUnetDataset.load(root, NnUnetDataset.Options.defaults())).hasMessageContaining("region-based");
        Files.writeString(root.resolve("dataset.json"), "{\"labels\": {\"background\": 0, \"kidney\": 2}}");
        assertThatThrownBy(() -> NnUnetDataset.load(root, NnUnetDataset.Options.defaults())).hasMessageContaining("without gaps");
        Files.writeString(root.resolve("dataset.json"), "{\"labels\": ");
        assertThatThrownBy(() -> NnUnetDataset.load(root, NnUnetDataset.Options.defaults())).hasMessageContaining("invalid JSON");
        Files.delete(root.resolve("dataset.json"));
        assertThatThrownBy(() -> NnUnetDataset.load(root, NnUnetDataset.Options.defaults())).hasMessageContaining("no dataset.json");
    }

    @Test
    void registryParsesNamesAndRejectsUnknownOnes() throws IOException {
        write(6, true, V2);
        DatasetRegistry reg = DatasetRegistry.defaults();
        assertThat(reg.load("nnunet:" + root).classes()).isEqualTo(3);
        assertThatThrownBy(() -> reg.load("acdc")).hasMessageContaining("unknown dataset 'acdc'")
                .hasMessageContaining("synthetic-cardiac").hasMessageContaining("colin27-subcortical").hasMessageContaining("nnunet:");
        assertThatThrownBy(() -> reg.load("nnunet:" + root.resolve("nope"))).hasMessageContaining("does not exist");
    }

    @Test
    void fewerThanFiveCasesValidateOnHeldOutSlicesAndNoValidationMeansNone() throws IOException {
        write(2, true, V2);   // 2 cases of 2 foreground slices each
        SplitDataset d = NnUnetDataset.load(root, NnUnetDataset.Options.defaults());
        assertThat(d.training().size() + d.validation().size()).isEqualTo(2 * 2);
        assertThat(d.validation()).hasSize(1);            // every 5th of 4 slices: none, so the last one
        assertThat(d.description()).contains("held-out slices", "test = imagesTs/labelsTs");
        assertThat(d.test()).hasSize(2);

        SplitDataset none = NnUnetDataset.load(root, new NnUnetDataset.Options(2, true, NnUnetDataset.Normalization.ZSCORE, false));
        assertThat(none.validation()).isEmpty();
        assertThat(none.training()).hasSize(4);

        Path single = root.resolve("single");
        TinyNnUnet.write(single, 1, false, V2);  // one case, no labelsTs: trains, no test split
        SplitDataset one = NnUnetDataset.load(single, NnUnetDataset.Options.defaults());
        assertThat(one.test()).isEmpty();
        assertThat(one.description()).contains("no test split");
        assertThat(one.training()).isNotEmpty();
    }
}
