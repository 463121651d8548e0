package org.regionwise.examples.experiment;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.core.backend.TrainedModel;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/**
 * Segments a 3D volume with a 2D network (a 3D network segments it whole, by its own sliding windows): every slice along the training data's slice axis is segmented on its own
 * and the labels are put back on the volume's grid (spacing and frame kept), so that the result can be scored in 3D
 * as the paper scores its 2D networks. A 2D image is segmented directly.
 */
public final class SliceWiseSegmentation {
    private SliceWiseSegmentation() {}

    /**
     *
     * @param model the trained 2D model
     * @param image an already normalised single-channel 2D image or 3D volume
     * @param axis  the axis the training slices were cut along (0, 1 or 2); ignored for a 2D image
     * @return the labels on the image's grid
     */
    public static LabelImage segment(TrainedModel model, FloatImage image, int axis) { return segment(model, List.of(image), axis); }

    /**
     *
     * @param model the trained 2D model
     * @param channels one already normalised 2D image or 3D volume per input channel, on one grid
     * @param axis     the axis the training slices were cut along (0, 1 or 2); ignored for 2D images
     * @return the labels on the images' grid
     */
    public static LabelImage segment(TrainedModel model, List<FloatImage> channels, int axis) {
        Grid g = channels.get(0).grid();
        for (int c = 1; c < channels.size(); c++) g.requireSameShape(channels.get(c).grid(), "input channel " + c + " vs channel 0");
        // a 3D network segments the volume itself (sliding windows of its patch)
        if (g.is2D() || model.spec() instanceof org.regionwise.core.backend.ModelSpec.UNet u && u.dimensions() == 3) return model.segment(channels);
        if (axis < 0 || axis > 2) throw new IllegalArgumentException("slice axis must be 0, 1 or 2, got " + axis);
        int a0 = axis == 0 ? 1 : 0, a1 = axis == 2 ? 1 : 2;
        int[] out = new int[g.voxelCount()];
        int[] pos = new int[3];
        for (int z = 0; z < g.size(axis); z++) {
            List<FloatImage> slices = new ArrayList<>(channels.size());
            for (FloatImage c : channels) slices.add(c.slice(axis, z));
            LabelImage s = model.segment(slices);
            int n0 = s.grid().size(0);
            pos[axis] = z;
            for (int i = 0; i < s.grid().voxelCount(); i++) {
                pos[a0] = i % n0;
                pos[a1] = i / n0;
                out[g.index(pos[0], pos[1], pos[2])] = s.get(i);
            }
        }
        return new LabelImage(g, out);
    }

    /**
     * The index along {@code axis} of the 2D slice of a 3D label image with the most foreground voxels (the first of
     * equals; 0 when there is no foreground): where a volume is drawn in reports.
     *
     * @param labels a 3D label image
     * @param axis the slicing axis
     * @return the slice index
     */
    public static int richestSlice(LabelImage labels, int axis) {
        int best = 0;
        long bestCount = -1;
        for (int z = 0; z < labels.grid().size(axis); z++) {
            LabelImage sl = labels.slice(axis, z);
            long n = 0;
            for (int i = 0; i < sl.grid().voxelCount(); i++) if (sl.get(i) > 0) n++;
            if (n > bestCount) { best = z; bestCount = n; }
        }
        return best;
    }
}
