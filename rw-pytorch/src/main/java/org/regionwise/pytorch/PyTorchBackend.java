package org.regionwise.pytorch;

import org.regionwise.training.EngineBackend;

/**
 * The PyTorch backend ({@code "pytorch"}): the {@link PyTorchEngine} driven by rw-training's engine-neutral trainer.
 * Select it with {@code --backend pytorch}, {@code -Dregionwise.backend=pytorch}, {@code REGIONWISE_BACKEND=pytorch}
 * or {@code regionwise.backend=pytorch} in {@code regionwise.properties}.
 */
public final class PyTorchBackend extends EngineBackend {

    /** Default options: half the cores build batches, automatic collapse detection without stop. */
    public PyTorchBackend() { super(new PyTorchEngine()); }

    /**
     * The backend with the precision {@code configuration} names ({@code regionwise.precision}): how Guice creates it.
     * Only fp32 is implemented; bf16 is refused when the backend trains or loads.
     *
     * @param configuration the settings
     */
    @com.google.inject.Inject
    public PyTorchBackend(org.regionwise.core.config.RegionWiseConfiguration configuration) {
        super(new PyTorchEngine(configuration.precision()));
    }
}
