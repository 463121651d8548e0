package org.regionwise.examples.data;

import java.util.List;
import java.util.Random;
import org.regionwise.core.backend.Sample;

/**
 * A generator of random 2D phantom cases for one segmentation task. Each call draws new shapes, positions, sizes,
 * intensities, bias field and noise from {@code random}, so a fixed seed gives the same case.
 */
public interface Phantom {

    /**
     * Dataset name, e.g. {@code synthetic-cardiac}.
     *
     * @return the name
     */
    String name();

    /**
     * Class names, index = label, background first.
     *
     * @return the names
     */
    List<String> classNames();

    /**
     * One paragraph describing shapes, intensities and class balance.
     *
     * @return the description
     */
    String description();

    /**
     * Pixel spacing in mm (isotropic).
     *
     * @return the spacing
     */
    double spacingMm();

    /**
     * A new case of {@code size × size} pixels.
     *
     * @param id the case identifier
     * @param random the source of randomness
     * @param size the edge in pixels
     * @return the case
     */
    Sample generate(String id, Random random, int size);
}
