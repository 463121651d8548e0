package org.regionwise.training.cache.internal;

/**
 * IEEE 754 binary16 ("half") conversion, as {@code Float.floatToFloat16} and {@code Float.float16ToFloat} of JDK 20
 * (not in JDK 17): round to nearest, ties to even; overflow to infinity; subnormals kept; NaN stays NaN.
 */
public final class Half {
    private Half() {}

    /**
     * The binary16 bits nearest to {@code f}.
     *
     * @param f a float
     * @return the half's 16 bits in the low bits of a short
     */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xFF;
        int mant = bits & 0x7FFFFF;
        if (exp == 0xFF) return (short) (sign | 0x7C00 | (mant != 0 ? 0x200 | (mant >>> 13) : 0));
        int e = exp - 127 + 15;
        if (e >= 0x1F) return (short) (sign | 0x7C00);
        if (e <= 0) {
            if (e < -10) return (short) sign;
            int m = mant | 0x800000;
            int shift = 14 - e;
            int half = m >>> shift;
            int rest = m & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rest > mid || (rest == mid && (half & 1) == 1)) half++;
            return (short) (sign | half);
        }
        int half = (e << 10) | (mant >>> 13);
        int rest = mant & 0x1FFF;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) half++; // may carry into the exponent: still right
        return (short) (sign | half);
    }

    /**
     * The float value of binary16 bits.
     *
     * @param h the half's bits
     * @return the exact float value
     */
    public static float toFloat(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        if (exp == 0) {
            if (mant == 0) return Float.intBitsToFloat(sign);
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    /**
     * {@code f} rounded to the nearest half and back: what a float16 cache returns for {@code f}.
     *
     * @param f a float
     * @return the rounded value
     */
    public static float round(float f) { return toFloat(fromFloat(f)); }
}
