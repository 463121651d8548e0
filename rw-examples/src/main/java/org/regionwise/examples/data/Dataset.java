package org.regionwise.examples.data;

import java.util.List;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainingData;

/**
 * A 2D segmentation dataset with three disjoint splits: {@link #training()} and {@link #validation()} for the backend,
 * and {@link #test()} held out for the final evaluation. Training and validation cases are single-channel 2D images
 * with their labels; a test case is a 2D image or a whole 3D volume, which is segmented slice by slice along
 * {@link #sliceAxis()} and scored in 3D.
 */
public interface Dataset extends TrainingData {

    /**
     * Cases never seen during training or model selection: 2D images, or whole 3D volumes.
     *
     * @return the test cases
     */
    List<Sample> test();

    /**
     * One paragraph saying how the dataset was built: source, slicing, split, normalisation, class balance.
     *
     * @return the description
     */
    String description();

    /**
     * How images were normalised (to repeat on new images at prediction time).
     *
     * @return the normalisation
     */
    IntensityNormalization normalization();

    /**
     * The axis along which 3D volumes were sliced (2 for 2D-only datasets).
     *
     * @return the axis
     */
    default int sliceAxis() { return 2; }
}
