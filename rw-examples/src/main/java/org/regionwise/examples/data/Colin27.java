package org.regionwise.examples.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.Nifti;
import org.regionwise.examples.data.internal.Intensities;

/**
 * Real MRI: the Colin27 single-subject T1 template ({@code ch2.nii.gz}, 181×217×181, 1 mm) with its brain mask
 * ({@code ch2bet.nii.gz > 0}) and the AAL atlas ({@code aal.nii.gz}) on the same grid, from the Debian package
 * {@code mricron-data} ({@code /usr/share/mricron/templates}).
 *
 * <p>Two tasks:
 * <ul>
 *   <li>{@code colin27-brain}: brain extraction, T1 vs {@code ch2bet > 0} (background, brain); every slice that
 *       contains brain is kept.</li>
 *   <li>{@code colin27-subcortical}: T1 vs AAL labels 71–78 merged left/right into caudate (71, 72), putamen (73, 74),
 *       pallidum (75, 76) and thalamus (77, 78); everything else is background (5 classes). By default only the
 *       slices that contain at least one of these structures are kept (the others would be all background).</li>
 * </ul>
 * Volumes are cut into 2D slices along one axis (default 2, axial). Intensities are z-score normalised with the mean
 * and standard deviation of the T1 over the head (its non-zero voxels; 42% of the grid is exactly 0), the same for
 * every slice: unlike the brain mask, this can be repeated on a new T1 at prediction time. Slices are split into
 * training/validation/test by {@link SlabSplit}.
 */
public final class Colin27 {
    /** Where Debian installs the templates. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/mricron/templates");

    private Colin27() {}

    /** The task. */
    public enum Task {
        /** Brain extraction: the {@code ch2bet} brain mask against background. */
        BRAIN("colin27-brain", List.of("background", "brain")),
        /** Four subcortical nuclei of the AAL atlas. */
        SUBCORTICAL("colin27-subcortical", List.of("background", "caudate", "putamen", "pallidum", "thalamus"));

        private final String datasetName;
        private final List<String> classes;

        Task(String datasetName, List<String> classes) { this.datasetName = datasetName; this.classes = classes; }

        /**
         * The dataset's registry name.
         *
         * @return the name
         */
        public String datasetName() { return datasetName; }

        /**
         * The class names, index = label.
         *
         * @return the names
         */
        public List<String> classNames() { return classes; }
    }

    /**
     * Options of the Colin27 datasets.
     *
     * @param directory      folder with ch2.nii.gz, ch2bet.nii.gz and aal.nii.gz
     * @param axis           slicing axis (0 sagittal, 1 coronal, 2 axial)
     * @param split          slab split
     * @param foregroundOnly keep only slices with foreground (always true for the brain task's empty slices)
     */
    public record Options(Path directory, int axis, SlabSplit split, boolean foregroundOnly) {
        /**
         * Checks that the slice axis is 0, 1 or 2.
         *
         * @param directory folder with ch2.nii.gz, ch2bet.nii.gz and aal.nii.gz
         * @param axis slicing axis (0 sagittal, 1 coronal, 2 axial)
         * @param split slab split
         * @param foregroundOnly keep only slices with foreground (always true for the brain task's empty slices)
         */
        public Options {
            if (axis < 0 || axis > 2) throw new IllegalArgumentException("slice axis must be 0, 1 or 2, got " + axis);
        }

        /**
         * Axial slices, slabs of 5 with 1-slice gaps, foreground slices only.
         *
         * @return the options
         */
        public static Options defaults() { return new Options(DEFAULT_DIRECTORY, 2, new SlabSplit(5, 1), true); }
    }

    /**
     * Whether the templates are installed in {@code directory}.
     *
     * @param directory the folder to look in
     * @return whether they are there
     */
    public static boolean available(Path directory) {
        return Files.isRegularFile(directory.resolve("ch2.nii.gz")) && Files.isRegularFile(directory.resolve("ch2bet.nii.gz"))
                && Files.isRegularFile(directory.resolve("aal.nii.gz"));
    }

    /**
     * Loads a task; a missing package gives an error that says how to install it.
     *
     * @param task the task
     * @param o the options
     * @return the split dataset
     */
    public static SplitDataset load(Task task, Options o) {
        for (String f : List.of("ch2.nii.gz", "ch2bet.nii.gz", "aal.nii.gz")) {
            if (!Files.isRegularFile(o.directory().resolve(f))) {
                throw new IllegalArgumentException("dataset " + task.datasetName() + " needs " + o.directory().resolve(f)
                        + ", which is missing: install the Debian package mricron-data (sudo apt-get install mricron-data)");
            }
        }
        FloatImage t1 = Nifti.readImage(o.directory().resolve("ch2.nii.gz"));
        LabelImage bet = Nifti.readLabels(o.directory().resolve("ch2bet.nii.gz"));
        LabelImage aal = Nifti.readLabels(o.directory().resolve("aal.nii.gz"));
        t1.grid().requireSameShape(bet.grid(), "Colin27 ch2 vs ch2bet");
        t1.grid().requireSameShape(aal.grid(), "Colin27 ch2 vs aal");

        int n = t1.grid().voxelCount();
        boolean[] brain = new boolean[n];
        for (int i = 0; i < n; i++) brain[i] = bet.get(i) > 0;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = switch (task) {
                case BRAIN -> brain[i] ? 1 : 0;
                case SUBCORTICAL -> subcortical(aal.get(i));
            };
        }
        float[] img = t1.data().clone();
        boolean[] head = new boolean[n];
        for (int i = 0; i < n; i++) head[i] = img[i] != 0;
        double[] ms = Intensities.meanStd(img, head);
        IntensityNormalization.zScoreNonZero().apply(img);
        Grid g = t1.grid();
        FloatImage image = new FloatImage(g, img);
        LabelImage truth = new LabelImage(g, labels);

        List<Integer> kept = new ArrayList<>();
        for (int z = 0; z < g.size(o.axis()); z++) {
            LabelImage s = truth.slice(o.axis(), z);
            boolean fg = s.maxLabel() > 0;
            if (fg || !(o.foregroundOnly() || task == Task.BRAIN)) kept.add(z);
        }
        if (kept.isEmpty()) throw new IllegalArgumentException("Colin27 " + task.datasetName() + ": no slice has foreground along axis " + o.axis());
        List<Sample> train = new ArrayList<>(), val = new ArrayList<>(), test = new ArrayList<>();
        int z0 = kept.get(0);
        for (int z : kept) {
            SlabSplit.Part p = o.split().partOf(z - z0);
            if (p == SlabSplit.Part.DROPPED) continue;
            String id = String.format(Locale.ROOT, "%s/%c%03d", task.datasetName(), "xyz".charAt(o.axis()), z);
            Sample s = new Sample(id, image.slice(o.axis(), z), truth.slice(o.axis(), z));
            switch (p) {
                case TRAINING -> train.add(s);
                case VALIDATION -> val.add(s);
                default -> test.add(s);
            }
        }
        double[] f = SplitDataset.classFractions(train, task.classNames().size());
        StringBuilder frac = new StringBuilder();
        for (int c = 0; c < f.length; c++) {
            frac.append(c > 0 ? ", " : "").append(task.classNames().get(c)).append(String.format(Locale.ROOT, " %.2f%%", 100 * f[c]));
        }
        String what = task == Task.BRAIN ? "T1 vs the brain mask ch2bet > 0"
                : "T1 vs AAL labels 71-78 merged left/right (caudate 71+72, putamen 73+74, pallidum 75+76, thalamus 77+78)";
        String description = String.format(Locale.ROOT,
                "Real MRI: Colin27 T1 template (ch2.nii.gz, %s, %s, Debian mricron-data), %s. 2D slices along axis %d (%s) "
                        + "of %s; %s slices kept (%d of %d). Split: %s: %d training, %d validation, %d test slices. "
                        + "Intensities z-score normalised with the T1 mean %.1f and std %.1f over the head (non-zero voxels), which prediction on a new T1 can repeat without a brain mask. "
                        + "Class fractions in the training split: %s.",
                g.describeSize(), g.describeSpacing(), what, o.axis(), new String[] {"sagittal", "coronal", "axial"}[o.axis()],
                image.slice(o.axis(), z0).grid().describeSize(),
                task == Task.BRAIN || o.foregroundOnly() ? "foreground" : "all", kept.size(), g.size(o.axis()),
                o.split().describe(), train.size(), val.size(), test.size(), ms[0], ms[1], frac);
        return new SplitDataset(task.datasetName(), task.classNames(), train, val, test, description,
                IntensityNormalization.zScoreNonZero(), o.axis());
    }

    /** AAL label -> merged subcortical class (0 for everything else). */
    static int subcortical(int aal) {
        return switch (aal) {
            case 71, 72 -> 1;
            case 73, 74 -> 2;
            case 75, 76 -> 3;
            case 77, 78 -> 4;
            default -> 0;
        };
    }
}
