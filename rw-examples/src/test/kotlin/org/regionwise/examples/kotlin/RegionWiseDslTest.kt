package org.regionwise.examples.kotlin

import java.nio.file.Path
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test
import org.regionwise.core.backend.EpochReport
import org.regionwise.core.backend.ModelSpec
import org.regionwise.core.backend.OptimizerSpec
import org.regionwise.core.backend.TrainedModel
import org.regionwise.core.backend.TrainingBackend
import org.regionwise.core.backend.TrainingData
import org.regionwise.core.backend.TrainingListener
import org.regionwise.core.backend.TrainingPlan
import org.regionwise.core.config.RegionWiseConfiguration
import org.regionwise.core.experiment.Experiments
import org.regionwise.core.image.ClassMaps
import org.regionwise.core.image.FloatImage
import org.regionwise.core.loss.LossSpec
import org.regionwise.core.loss.Losses

/** A backend that trains nothing: one report per epoch, and a model that predicts "foreground" everywhere. */
private class FakeBackend(private val name: String = "fake") : TrainingBackend {
    val plans = mutableListOf<TrainingPlan>()
    override fun name() = name
    override fun train(plan: TrainingPlan, data: TrainingData, listener: TrainingListener): TrainedModel {
        plans += plan
        val history = (0 until plan.epochs()).map { EpochReport(it, 1.0 / (it + 1), 1e-3, listOf(), listOf(), 0.0) }
        history.forEach(listener::onEpoch)
        return object : TrainedModel {
            override fun spec(): ModelSpec = plan.model()
            override fun history() = history
            override fun predict(image: FloatImage): ClassMaps {
                val maps = ClassMaps.zeros(image.grid(), plan.model().classes())
                maps.data(1).fill(1f)
                return maps
            }
            override fun save(directory: Path) = throw UnsupportedOperationException("fake")
            override fun export(directory: Path) = throw UnsupportedOperationException("fake")
            override fun close() {}
        }
    }
    override fun load(directory: Path): TrainedModel = throw UnsupportedOperationException("fake")
}

class RegionWiseDslTest {
    private val fake = FakeBackend()
    private val experiments = Experiments.of(RegionWiseConfiguration.of(mapOf("regionwise.backend" to "fake")), fake)

    @Test
    fun `the example experiment runs on a fake backend`() {
        val experiment = discExperiment(experiments, epochs = 2)
        val plan = experiment.plan()
        assertThat(plan.epochs()).isEqualTo(2)
        assertThat(plan.model()).isEqualTo(ModelSpec.UNet(2, 1, 2, 3, 8, 480, ModelSpec.Normalization.INSTANCE,
            ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, true, 42))
        assertThat(plan.loss()).isEqualTo(Losses.equal(Losses.rectifiedRegionWise(), Losses.crossEntropy()))
        assertThat(plan.optimizer()).isEqualTo(OptimizerSpec(1e-3, 3e-5, false, 0.9, 12.0))
        assertThat(experiment.data().training()).hasSize(4)

        val epochs = mutableListOf<Int>()
        experiment.run(object : TrainingListener {
            override fun onEpoch(report: EpochReport) { epochs += report.epoch() }
        }).use { model ->
            assertThat(model.segment(disc("t").image()).data()).containsOnly(1)
        }
        assertThat(epochs).containsExactly(0, 1)
        assertThat(fake.plans).containsExactly(plan)
    }

    @Test
    fun `the brief's one-liner reads as promised`() {
        val reports = mutableListOf<EpochReport>()
        val experiment = regionWise(experiments) {
            data("discs", listOf("background", "disc"), listOf(disc("a")))
            loss(rrw()); model { depth = 3 }; epochs = 2
            onEpoch { reports += it }
        }
        experiment.run().close()
        assertThat(reports).hasSize(2)
        assertThat((experiment.plan().model() as ModelSpec.UNet).depth()).isEqualTo(3)
    }

    @Test
    fun `model3d builds an anisotropic 3D U-Net from the spacing`() {
        val experiment = regionWise(experiments) {
            data("discs", listOf("background", "disc"), listOf(disc("a")))
            loss(rrw()); model3d { depth = 2; spacing(0.5, 0.5, 3.0) }; epochs = 1
        }
        val spec = experiment.plan().model() as ModelSpec.UNet
        assertThat(spec.dimensions()).isEqualTo(3)
        assertThat(spec.kernel(0)).containsExactly(3, 3, 1)
        assertThat(spec.stride(1)).containsExactly(2, 2, 1)
    }

    @Test
    fun `loss arithmetic builds weighted sums`() {
        val loss = 0.5 * ce() + rrw() + 2.0 * dice()
        assertThat(loss).isEqualTo(LossSpec.WeightedSum(listOf(
            LossSpec.Term(0.5, Losses.crossEntropy()), LossSpec.Term(1.0, Losses.rectifiedRegionWise()), LossSpec.Term(2.0, Losses.dice()))))
        assertThat(gradual(dice(), rrw()).id()).isEqualTo("gradual(dice,rrw)")
    }

    @Test
    fun `missing steps and unknown backends fail with clear messages`() {
        assertThatThrownBy { regionWise(experiments) { loss(rrw()); model { } } }.hasMessageContaining("needs data")
        assertThatThrownBy { regionWise(experiments) { data("d", listOf("bg", "fg"), listOf(disc("a"))); loss(rrw()) } }
            .hasMessageContaining("needs model")
        assertThatThrownBy {
            regionWise(experiments) { data("d", listOf("bg", "fg"), listOf(disc("a"))); loss("rrw"); model { }; backend = "nope" }
        }.hasMessageContaining("known backends: fake")
    }

    @Test
    fun `a backend instance can be given directly`() {
        val other = FakeBackend("other")
        val e = regionWise(experiments) {
            data("d", listOf("bg", "fg"), listOf(disc("a"))); loss(dice()); model { deepSupervision = false }
            backend(other)
        }
        assertThat(e.backend()).isSameAs(other)
    }
}
