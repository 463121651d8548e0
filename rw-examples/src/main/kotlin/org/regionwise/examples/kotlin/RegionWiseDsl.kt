/**
 * A small Kotlin DSL over the Java experiment builder:
 *
 * ```
 * val experiment = regionWise {
 *     data(myData)
 *     loss(rrw())
 *     model { depth = 3; baseFilters = 16 }
 *     adam { learningRate = 1e-4; weightDecay = 3e-5 }
 *     epochs = 2
 * }
 * experiment.run().use { model -> model.segment(image) }
 * ```
 *
 * Every block is a receiver lambda; [RegionWiseDsl] (a `@DslMarker`) keeps the scopes apart, so `epochs` cannot be
 * set from inside `model { }` by accident.
 */
package org.regionwise.examples.kotlin

import java.nio.file.Path
import org.regionwise.core.backend.EpochReport
import org.regionwise.core.backend.ModelSpec
import org.regionwise.core.backend.Sample
import org.regionwise.core.backend.TrainingBackend
import org.regionwise.core.backend.TrainingData
import org.regionwise.core.backend.TrainingListener
import org.regionwise.core.experiment.Adam
import org.regionwise.core.experiment.Experiment
import org.regionwise.core.experiment.ExperimentBuilder
import org.regionwise.core.experiment.Experiments
import org.regionwise.core.experiment.UNet
import org.regionwise.core.loss.LossSpec
import org.regionwise.core.loss.Losses
import org.regionwise.core.loss.NamedLosses
import org.regionwise.core.map.MapSpec
import org.regionwise.core.map.Maps

/** Marks the RegionWise DSL scopes so that an inner block cannot reach an outer receiver implicitly. */
@DslMarker
@Target(AnnotationTarget.CLASS)
annotation class RegionWiseDsl

/**
 * Builds an [Experiment] from [block]. Backends come from [experiments]; by default those discovered on the class
 * path, with the one named by `regionwise.backend` as the default.
 */
fun regionWise(experiments: Experiments = Experiments.discover(), block: ExperimentScope.() -> Unit): Experiment =
    ExperimentScope().apply(block).build(experiments)

/** The top-level scope: data, loss and model are required; the rest keeps the paper's defaults. */
@RegionWiseDsl
class ExperimentScope internal constructor() {
    private var data: TrainingData? = null
    private var loss: LossSpec? = null
    private var unet: UNet = UNet.twoD()
    private var modelSet = false
    private var adam: Adam = Adam.paper()
    private var backendInstance: TrainingBackend? = null
    private val epochListeners = mutableListOf<(EpochReport) -> Unit>()

    /** Number of epochs (default 100). */
    var epochs: Int = 100
    /** Optimiser steps per epoch (default 250). */
    var iterationsPerEpoch: Int = 250
    var batchSize: Int = 8
    var patchSize: Int = 128
    var validateEvery: Int = 1
    var seed: Long = 42
    /** Intra-op threads; 0 means all cores. */
    var threads: Int = 0
    var outputDirectory: Path? = null
    /** Name of a registered backend; `null` uses the configured one. */
    var backend: String? = null

    /** The data to train on. */
    fun data(data: TrainingData) { this.data = data }

    /** Data from lists: class names (index = label), training and validation samples. */
    fun data(name: String, classNames: List<String>, training: List<Sample>, validation: List<Sample> = emptyList()) {
        this.data = TrainingData.of(name, classNames, training, validation)
    }

    /** The loss, e.g. `loss(rrw())` or `loss(0.5 * ce() + rrw())`. */
    fun loss(loss: LossSpec) { this.loss = loss }

    /** A loss by name or combination ([NamedLosses.parse]), e.g. `loss("gradual-rrw-dice")`, `loss("gradual:dice,rrw+ce")`. */
    fun loss(name: String) { this.loss = NamedLosses.parse(name) }

    /** A 2D U-Net configured in [block]. */
    fun model(block: UNetScope.() -> Unit) { model(UNet.twoD(), block) }

    /**
     * A 3D U-Net configured in [block] (3x3x3 convolutions, 2x2x2 transposed convolutions; `spacing(1.0, 1.0, 3.0)`
     * in [block] makes it anisotropic by nnU-Net's rule), trained on cubic patches of 3D volumes.
     */
    fun model3d(block: UNetScope.() -> Unit) { model(UNet.threeD(), block) }

    /** The given U-Net, further configured in [block]. */
    fun model(unet: UNet, block: UNetScope.() -> Unit = {}) {
        this.unet = unet
        UNetScope(unet).block()
        modelSet = true
    }

    /** Adam, starting from the paper's recipe. */
    fun adam(block: AdamScope.() -> Unit) { adam = AdamScope(Adam.paper()).apply(block).adam }

    /** This backend instance instead of a registered one. */
    fun backend(instance: TrainingBackend) { backendInstance = instance }

    /** Called after each epoch when the experiment runs. */
    fun onEpoch(listener: (EpochReport) -> Unit) { epochListeners += listener }

    internal fun build(experiments: Experiments): Experiment {
        val d = requireNotNull(data) { "regionWise { } needs data(...)" }
        val l = requireNotNull(loss) { "regionWise { } needs loss(...)" }
        require(modelSet) { "regionWise { } needs model { ... }" }
        var options: ExperimentBuilder.Options = experiments.experiment().data(d).loss(l).model(unet)
            .optimizer(adam)
            .epochs(epochs).iterationsPerEpoch(iterationsPerEpoch).batchSize(batchSize).patchSize(patchSize)
            .validateEvery(validateEvery).seed(seed).threads(threads)
        outputDirectory?.let { options = options.outputDirectory(it) }
        backend?.let { options = options.backend(it) }
        backendInstance?.let { options = options.backend(it) }
        if (epochListeners.isNotEmpty()) {
            val listeners = epochListeners.toList()
            options = options.listener(object : TrainingListener {
                override fun onEpoch(report: EpochReport) = listeners.forEach { it(report) }
            })
        }
        return options.build()
    }
}

/** U-Net settings as properties over the Java [UNet] builder. */
@RegionWiseDsl
class UNetScope internal constructor(private val unet: UNet) {
    /** The data's median voxel spacing (mm, x, y[, z]): kernels and strides by nnU-Net's anisotropy rule. */
    fun spacing(vararg mm: Double) { unet.spacing(*mm) }

    /** Number of poolings (default 4). */
    var depth: Int
        get() = unet.depth()
        set(value) { unet.depth(value) }
    /** Filters at full resolution (default 32). */
    var baseFilters: Int
        get() = unet.baseFilters()
        set(value) { unet.baseFilters(value) }
    /** Filter cap (default 480). */
    var maxFilters: Int
        get() = unet.maxFilters()
        set(value) { unet.maxFilters(value) }
    var normalization: ModelSpec.Normalization
        get() = unet.normalization()
        set(value) { unet.normalization(value) }
    var upsampling: ModelSpec.Upsampling
        get() = unet.upsampling()
        set(value) { unet.upsampling(value) }
    /** Deep supervision (default on, as the paper). */
    var deepSupervision: Boolean
        get() = unet.deepSupervision()
        set(value) { unet.deepSupervision(value) }
    /** Input channels; 0 (the default) follows the data. */
    var inputChannels: Int
        get() = unet.inputChannels()
        set(value) { unet.inputChannels(value) }
}

/** Adam settings as properties over the immutable Java [Adam]. */
@RegionWiseDsl
class AdamScope internal constructor(internal var adam: Adam) {
    var learningRate: Double
        get() = adam.spec().learningRate()
        set(value) { adam = adam.withLearningRate(value) }
    /** L2 weight decay added to the gradient (as the paper). */
    var weightDecay: Double
        get() = adam.spec().weightDecay()
        set(value) { adam = adam.weightDecay(value) }
    /** Poly learning-rate decay power; 0 keeps the rate constant. */
    var polyPower: Double
        get() = adam.spec().polyPower()
        set(value) { adam = adam.polyPower(value) }
    /** Gradient-norm clip; 0 disables it. */
    var clipNorm: Double
        get() = adam.spec().clipNorm()
        set(value) { adam = adam.clipNorm(value) }
}

/** The rectified region-wise loss (RRW), the paper's proposal. */
fun rrw(): LossSpec = Losses.rectifiedRegionWise()

/** The region-wise loss with any map, e.g. `regionWiseLoss(Maps.classBalanced(0.1, 0.9))`. */
fun regionWiseLoss(map: MapSpec): LossSpec = Losses.regionWise(map)

/** The active-contour loss (RW with `Z = 1 - Y`). */
fun activeContour(): LossSpec = Losses.regionWise(Maps.activeContour())

fun ce(): LossSpec = Losses.crossEntropy()
fun weightedCe(): LossSpec = Losses.weightedCrossEntropy()
fun focal(gamma: Double = 2.0, alpha: Double = 1.0): LossSpec = Losses.focal(gamma, alpha)
fun dice(): LossSpec = Losses.dice()
fun generalizedDice(): LossSpec = Losses.generalizedDice()
fun boundary(): LossSpec = Losses.boundary()

/** `alpha(e) first + (1 - alpha(e)) second` with the paper's schedule. */
fun gradual(first: LossSpec, second: LossSpec): LossSpec = Losses.gradual(first, second)

/** `weight * loss` as a one-term weighted sum. */
operator fun Double.times(loss: LossSpec): LossSpec = LossSpec.WeightedSum(listOf(LossSpec.Term(this, loss)))

/** The sum of two losses ("Equal" combination); sums are flattened, so `a + b + c` has three terms. */
operator fun LossSpec.plus(other: LossSpec): LossSpec = LossSpec.WeightedSum(terms(this) + terms(other))

private fun terms(loss: LossSpec): List<LossSpec.Term> =
    if (loss is LossSpec.WeightedSum) loss.terms() else listOf(LossSpec.Term(1.0, loss))
