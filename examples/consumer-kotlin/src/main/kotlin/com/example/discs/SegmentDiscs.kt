package com.example.discs

import kotlin.system.exitProcess
import org.regionwise.core.backend.Sample
import org.regionwise.core.image.FloatImage
import org.regionwise.core.image.Grid
import org.regionwise.core.image.LabelImage
import org.regionwise.core.map.Maps
import org.regionwise.examples.kotlin.dice
import org.regionwise.examples.kotlin.gradual
import org.regionwise.examples.kotlin.regionWise
import org.regionwise.examples.kotlin.regionWiseLoss
import org.regionwise.metrics.Metrics

/**
 * The Kotlin twin of consumer-java: trains a small U-Net on generated discs with the paper's Gradual Dice to RRW
 * loss through the RegionWise DSL, segments a new image and prints its Dice. The engine comes from
 * `regionwise.properties`. Exits with status 1 if the model did not learn.
 */
fun main() {
    val experiment = regionWise {
        data("discs", listOf("background", "disc"),
            training = (0 until 8).map { disc("train-$it", it.toLong()) },
            validation = listOf(disc("validation", 100)))
        loss(gradual(dice(), regionWiseLoss(Maps.rectified())))
        model {
            depth = 3
            baseFilters = 8
        }
        adam {
            learningRate = 1e-3
            weightDecay = 3e-5
        }
        epochs = 4
        iterationsPerEpoch = 25
        batchSize = 4
        patchSize = 48
        onEpoch { println("epoch ${it.epoch()}: loss %.4f".format(it.trainLoss())) }
    }

    val test = disc("test", 200)
    experiment.run().use { model ->
        val segmentation = model.segment(test.image())
        val dice = Metrics.dice(segmentation, test.labels(), 1)
        println("backend ${experiment.backend().name()}: Dice %.3f on a new image".format(dice))
        if (!(dice >= 0.8)) exitProcess(1)
    }
}

/** A bright disc (random centre, radius 6 to 14 px) on a noisy 48 x 48 slice of 1 mm pixels; label 1 inside. */
fun disc(id: String, seed: Long): Sample {
    val n = 48
    val random = java.util.Random(seed)
    val cx = 16 + 16 * random.nextDouble()
    val cy = 16 + 16 * random.nextDouble()
    val r = 6 + 8 * random.nextDouble()
    val image = FloatArray(n * n)
    val labels = IntArray(n * n)
    for (y in 0 until n) for (x in 0 until n) {
        val inside = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r
        labels[x + n * y] = if (inside) 1 else 0
        image[x + n * y] = (if (inside) 1f else 0f) + 0.3f * random.nextGaussian().toFloat()
    }
    val grid = Grid.of2D(n, n)
    return Sample(id, FloatImage(grid, image), LabelImage(grid, labels))
}
