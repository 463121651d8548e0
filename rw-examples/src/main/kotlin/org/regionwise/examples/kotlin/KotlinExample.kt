package org.regionwise.examples.kotlin

import org.regionwise.core.backend.Sample
import org.regionwise.core.experiment.Experiment
import org.regionwise.core.experiment.Experiments
import org.regionwise.core.image.FloatImage
import org.regionwise.core.image.Grid
import org.regionwise.core.image.LabelImage

/**
 * A synthetic two-class problem: a bright disc of radius [radius] on a dark noisy `size x size` slice
 * (1 mm spacing), label 1 inside the disc.
 */
fun disc(id: String, size: Int = 32, radius: Double = size / 4.0, seed: Long = 1): Sample {
    val grid = Grid.of2D(size, size)
    val random = java.util.Random(seed)
    val image = FloatArray(size * size)
    val labels = IntArray(size * size)
    val c = (size - 1) / 2.0
    for (y in 0 until size) for (x in 0 until size) {
        val inside = (x - c) * (x - c) + (y - c) * (y - c) <= radius * radius
        val i = x + size * y
        labels[i] = if (inside) 1 else 0
        image[i] = (if (inside) 1.0f else 0.0f) + 0.1f * random.nextGaussian().toFloat()
    }
    return Sample(id, FloatImage(grid, image), LabelImage(grid, labels))
}

/** The example experiment: RRW + CE on synthetic discs with a small U-Net, written with the DSL. */
fun discExperiment(experiments: Experiments, epochs: Int = 2): Experiment = regionWise(experiments) {
    data("discs", listOf("background", "disc"),
        training = (0 until 4).map { disc("train-$it", seed = it.toLong()) },
        validation = listOf(disc("validation", seed = 99)))
    loss(rrw() + ce())
    model {
        depth = 3
        baseFilters = 8
    }
    adam {
        learningRate = 1e-3
        weightDecay = 3e-5
    }
    this.epochs = epochs
    iterationsPerEpoch = 10
    batchSize = 2
    patchSize = 32
    onEpoch { println("epoch ${it.epoch()}: loss %.4f".format(it.trainLoss())) }
}

/**
 * Trains the example on the configured backend (`regionwise.backend`, default `tensorflow`) and prints the
 * foreground fraction it segments on a new disc.
 */
fun main() {
    val experiment = discExperiment(Experiments.discover())
    println(experiment)
    experiment.run().use { model ->
        val segmentation = model.segment(disc("test", seed = 7).image())
        val foreground = segmentation.data().count { it == 1 }
        println("segmented $foreground foreground pixels of ${segmentation.data().size}")
    }
}
