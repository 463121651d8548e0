package org.regionwise.core.internal;

import java.util.Arrays;

/** Argument checks whose messages name the offending value and where it is. */
public final class Checks {
    private Checks() {}

    /** Throws {@link IllegalArgumentException} with {@code message} (formatted with {@code args}) unless {@code ok}. */
    public static void require(boolean ok, String message, Object... args) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, message, args));
        }
    }

    /** Spacing must be finite and strictly positive on every axis. */
    public static void spacing(double[] spacing) {
        for (int a = 0; a < spacing.length; a++) {
            double s = spacing[a];
            require(Double.isFinite(s) && s > 0,
                    "voxel spacing must be finite and > 0 mm, but axis %d has %s (spacing %s)",
                    a, s, Arrays.toString(spacing));
        }
    }
}
