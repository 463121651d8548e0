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
     * The backend asked for {@code precision}: only fp32 is implemented; bf16 is refused when it trains or loads.
     *
     * @param precision the requested arithmetic
     */
    public PyTorchBackend(org.regionwise.core.backend.Precision precision) { super(new PyTorchEngine(precision)); }
}
