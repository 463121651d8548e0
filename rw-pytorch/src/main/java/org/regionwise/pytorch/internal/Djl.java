package org.regionwise.pytorch.internal;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * DJL's PyTorch engine, started offline: {@code ai.djl.offline=true} unless the user set it, so the natives come from
 * the {@code pytorch-native-cpu} jar on the class path (unpacked once into DJL's cache, {@code ~/.djl.ai} or the
 * folder in the {@code ENGINE_CACHE_DIR} system property or environment variable) and nothing is ever downloaded.
 */
public final class Djl {
    private static volatile Engine engine;

    private Djl() {}

    /** The PyTorch engine; the first call loads the natives (seconds). */
    public static Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (Djl.class) {
                if (engine == null) {
                    if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
                    try {
                        engine = Engine.getEngine("PyTorch");
                    } catch (RuntimeException | LinkageError ex) {
                        throw new IllegalStateException("cannot start DJL's PyTorch engine offline (is pytorch-native-cpu "
                                + "linux-x86_64 on the class path, and DJL's cache folder writable?): " + ex.getMessage(), ex);
                    }
                }
                e = engine;
            }
        }
        return e;
    }

    /** Sets PyTorch's intra-op threads ({@code <= 0}: all cores); the setting is process-wide. */
    public static void threads(int threads) {
        engine();
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        if (JniUtils.getNumThreads() != n) JniUtils.setNumThreads(n);
    }
}
