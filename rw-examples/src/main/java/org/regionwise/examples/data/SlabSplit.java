package org.regionwise.examples.data;

import java.util.Locale;

/**
 * Splits the slices of one volume into training, validation and test by <b>contiguous slabs</b>, never by
 * interleaving neighbouring slices (neighbours 1 mm apart are near copies of each other, so interleaving would leak
 * test data into training).
 *
 * <p>Slice {@code z} (counted from the first kept slice) belongs to slab {@code s = z / slabSize}; slab {@code s}
 * goes to training when {@code s mod 4} is 0 or 2, to validation when it is 1 and to test when it is 3 (about 50/25/25).
 * The first {@code gap} slices of every slab whose split differs from the previous slab's are dropped, so that no
 * training slice touches a validation or test slice.
 *
 * @param slabSize slices per slab, >= 1
 * @param gap      slices dropped at each change of split, {@code 0 <= gap < slabSize}
 */
public record SlabSplit(int slabSize, int gap) {
    /** Where a slice goes. */
    public enum Part {
        /** A training slice. */
        TRAINING,
        /** A validation slice. */
        VALIDATION,
        /** A test slice. */
        TEST,
        /** A gap slice, used nowhere. */
        DROPPED
    }

    /**
     * Checks {@code slabSize >= 1} and {@code 0 <= gap < slabSize}.
     *
     * @param slabSize slices per slab, >= 1
     * @param gap slices dropped at each change of split, {@code 0 <= gap < slabSize}
     */
    public SlabSplit {
        if (slabSize < 1) throw new IllegalArgumentException("slab size must be >= 1, got " + slabSize);
        if (gap < 0 || gap >= slabSize) throw new IllegalArgumentException("slab gap must be in [0, " + slabSize + "), got " + gap);
    }

    /**
     * The part of slice {@code z >= 0} (relative to the first kept slice).
     *
     * @param z the slice index
     * @return the part
     */
    public Part partOf(int z) {
        if (z < 0) throw new IllegalArgumentException("relative slice index must be >= 0, got " + z);
        int s = z / slabSize;
        Part p = slabPart(s);
        if (s > 0 && slabPart(s - 1) != p && z % slabSize < gap) return Part.DROPPED;
        return p;
    }

    private static Part slabPart(int s) {
        return switch (s % 4) {
            case 1 -> Part.VALIDATION;
            case 3 -> Part.TEST;
            default -> Part.TRAINING;
        };
    }

    /**
     * For reports: {@code "contiguous slabs of 5 slices (training, validation, training, test, ...), 1-slice gaps"}.
     *
     * @return the description
     */
    public String describe() {
        return String.format(Locale.ROOT, "contiguous slabs of %d slices assigned in the cycle training, validation, training, "
                + "test; the first %d slice(s) after every change of split dropped", slabSize, gap);
    }
}
