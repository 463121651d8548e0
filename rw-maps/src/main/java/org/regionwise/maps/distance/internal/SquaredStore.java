package org.regionwise.maps.distance.internal;

/**
 * The image being transformed, holding squared distances between passes, with the gather/scatter of blocks of
 * parallel lines into a per-thread {@code double} buffer.
 *
 * <p>This is where the metric lives: {@link #gather} divides by the axis weight {@code w = spacing^2} so that the
 * sweep ({@link LowerEnvelope}) works with unit spacing, and {@link #scatter} multiplies by it again (and takes the
 * square root on the last pass when plain distances are wanted). Two layouts: {@code float[]} (plain distances, half
 * the memory traffic) and {@code double[]} (squared distances).
 *
 * <p>Block layout: line {@code j} of a block ({@code 0 <= j < count}) starts at flat index {@code base + j} and
 * steps by {@code stride}; in the buffer the lines are interleaved, voxel {@code t} of line {@code j} at
 * {@code buf[t * lanes + j]} ({@code lanes >= count}), the layout of {@link WindowedMinimum}. Gathering reads
 * {@code count} neighbouring values per voxel row, whole cache lines, and fills the unused lanes with 0.
 */
public sealed interface SquaredStore permits SquaredStore.Floats, SquaredStore.Doubles {

    /** {@code buf[t*lanes + j] = data[base + j + t*stride] * invWeight} for {@code j < count}, 0 in other lanes. */
    void gather(int base, int stride, int n, int count, int lanes, double[] buf, double invWeight);

    /** {@code data[base + j + t*stride] = buf[t*lanes + j] * weight} for {@code j < count}, square roots if sqrt. */
    void scatter(int base, int stride, int n, int count, int lanes, double[] buf, double weight, boolean sqrt);

    /**
     * A new store of the same precision, all zeros.
     *
     * @param n its voxel count
     * @return the store
     */
    SquaredStore ofSize(int n);

    /**
     * Copies {@code length} values from index {@code from} of this store to index {@code to} of {@code target}.
     *
     * @param from the first index read here
     * @param target a store of the same precision
     * @param to the first index written there
     * @param length the number of values
     */
    void copyTo(int from, SquaredStore target, int to, int length);

    /** Single-precision store; {@code +inf} survives the round trip. */
    record Floats(float[] data) implements SquaredStore {
        @Override public SquaredStore ofSize(int n) { return new Floats(new float[n]); }

        @Override public void copyTo(int from, SquaredStore target, int to, int length) {
            System.arraycopy(data, from, ((Floats) target).data, to, length);
        }

        @Override public void gather(int base, int stride, int n, int count, int lanes, double[] buf,
                                     double invWeight) {
            final float[] d = data;
            for (int t = 0; t < n; t++) {
                int src = base + t * stride, row = t * lanes;
                for (int j = 0; j < count; j++) buf[row + j] = d[src + j] * invWeight;
                for (int j = count; j < lanes; j++) buf[row + j] = 0;
            }
        }

        @Override public void scatter(int base, int stride, int n, int count, int lanes, double[] buf, double weight,
                                      boolean sqrt) {
            final float[] d = data;
            if (count == 1 && lanes == 1 && stride == 1 && !sqrt) {    // one contiguous line (the axis-0 pass)
                for (int t = 0; t < n; t++) d[base + t] = (float) (buf[t] * weight);
                return;
            }
            if (sqrt) {
                for (int t = 0; t < n; t++) {
                    int dst = base + t * stride, row = t * lanes;
                    for (int j = 0; j < count; j++) d[dst + j] = (float) Math.sqrt(buf[row + j] * weight);
                }
            } else {
                for (int t = 0; t < n; t++) {
                    int dst = base + t * stride, row = t * lanes;
                    for (int j = 0; j < count; j++) d[dst + j] = (float) (buf[row + j] * weight);
                }
            }
        }
    }

    /** Double-precision store. */
    record Doubles(double[] data) implements SquaredStore {
        @Override public SquaredStore ofSize(int n) { return new Doubles(new double[n]); }

        @Override public void copyTo(int from, SquaredStore target, int to, int length) {
            System.arraycopy(data, from, ((Doubles) target).data, to, length);
        }

        @Override public void gather(int base, int stride, int n, int count, int lanes, double[] buf,
                                     double invWeight) {
            final double[] d = data;
            for (int t = 0; t < n; t++) {
                int src = base + t * stride, row = t * lanes;
                for (int j = 0; j < count; j++) buf[row + j] = d[src + j] * invWeight;
                for (int j = count; j < lanes; j++) buf[row + j] = 0;
            }
        }

        @Override public void scatter(int base, int stride, int n, int count, int lanes, double[] buf, double weight,
                                      boolean sqrt) {
            final double[] d = data;
            if (sqrt) {
                for (int t = 0; t < n; t++) {
                    int dst = base + t * stride, row = t * lanes;
                    for (int j = 0; j < count; j++) d[dst + j] = Math.sqrt(buf[row + j] * weight);
                }
            } else {
                for (int t = 0; t < n; t++) {
                    int dst = base + t * stride, row = t * lanes;
                    for (int j = 0; j < count; j++) d[dst + j] = buf[row + j] * weight;
                }
            }
        }
    }
}
