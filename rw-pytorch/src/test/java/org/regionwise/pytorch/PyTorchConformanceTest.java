package org.regionwise.pytorch;

import org.regionwise.training.conformance.EngineConformanceSuite;
import org.regionwise.training.spi.Engine;

/** The PyTorch engine passes the conformance suite. */
class PyTorchConformanceTest extends EngineConformanceSuite {
    @Override protected Engine engine() { return new PyTorchEngine(); }
}
