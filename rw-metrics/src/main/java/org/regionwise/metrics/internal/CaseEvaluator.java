package org.regionwise.metrics.internal;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.metrics.CaseEvaluation;
import org.regionwise.metrics.EmptyMaskPolicy;
import org.regionwise.metrics.EvaluationOptions;
import org.regionwise.metrics.Metric;
import org.regionwise.metrics.MetricId;
import org.regionwise.metrics.MetricValue;
import org.regionwise.metrics.OverlapCounts;
import org.regionwise.metrics.SurfaceDistances;

/** Computes a {@link CaseEvaluation}: one scan of both label arrays, then each class (in parallel if asked). */
public final class CaseEvaluator {
    private CaseEvaluator() {}

    public static CaseEvaluation evaluate(String caseId, LabelImage prediction, LabelImage reference, int[] labels,
                                          EvaluationOptions options, DistanceField field) {
        Grid g = reference.grid();
        g.requireSameShape(prediction.grid(), "prediction vs reference of case '" + caseId + "'");
        requireLabels(labels, caseId);
        int rank = g.dimensions();
        if (options.effectiveConnectivity() > rank) {
            throw new IllegalArgumentException("connectivity " + options.connectivity() + " exceeds the rank of the "
                    + rank + "D images of case '" + caseId + "' (1 = face neighbours, " + rank + " = full)");
        }
        Neighbourhood nb = Neighbourhood.of(rank, options.effectiveConnectivity());
        int[] size3 = SurfacePairDistances.size3(g);
        double[] spacing3 = SurfacePairDistances.spacing3(g);
        double voxelVolume = spacing3[0] * spacing3[1] * (rank == 3 ? spacing3[2] : 1.0);
        LabelScan scan = LabelScan.of(prediction.data(), reference.data(), size3, labels);
        boolean needSurfaces = options.metrics().stream().anyMatch(m -> m.isDistance() || m == Metric.SURFACE_DICE);

        ClassResult[] results = new ClassResult[labels.length];
        IntStream range = IntStream.range(0, labels.length);
        if (options.parallel()) range = range.parallel();
        range.forEach(slot -> {
            OverlapCounts counts = new OverlapCounts(scan.predictionCount(slot), scan.referenceCount(slot),
                    scan.intersectionCount(slot), voxelVolume);
            @Nullable SurfaceDistances sd = null;
            if (needSurfaces) {
                double[][] d = SurfacePairDistances.compute(prediction.data(), reference.data(), size3, spacing3,
                        scan, slot, labels[slot], nb, field);
                sd = SurfaceDistances.of(d[0], d[1]);
            }
            results[slot] = classResult(labels[slot], counts, sd, options, g);
        });

        Map<MetricId, MetricValue> values = new LinkedHashMap<>();
        Map<MetricId, String> skipped = new LinkedHashMap<>();
        for (int slot = 0; slot < labels.length; slot++) {
            for (Map.Entry<Metric, MetricValue> e : results[slot].values.entrySet()) {
                values.put(new MetricId(caseId, labels[slot], e.getKey()), e.getValue());
            }
            for (Map.Entry<Metric, String> e : results[slot].skipped.entrySet()) {
                skipped.put(new MetricId(caseId, labels[slot], e.getKey()), e.getValue());
            }
        }
        return new CaseEvaluation(caseId, labels, values, skipped);
    }

    private record ClassResult(Map<Metric, MetricValue> values, Map<Metric, String> skipped) {}

    private static ClassResult classResult(int label, OverlapCounts c, @Nullable SurfaceDistances sd, EvaluationOptions o, Grid g) {
        Map<Metric, MetricValue> values = new EnumMap<>(Metric.class);
        Map<Metric, String> skipped = new EnumMap<>(Metric.class);
        boolean predEmpty = c.prediction() == 0;
        boolean refEmpty = c.reference() == 0;
        String bothEmpty = "prediction and reference are both empty for label " + label;
        for (Metric m : o.metrics()) {
            switch (m) {
                case DICE -> values.put(m, ratio(c.dice(), bothEmpty));
                case IOU -> values.put(m, ratio(c.iou(), bothEmpty));
                case PRECISION -> values.put(m, ratio(c.precision(), "prediction is empty for label " + label + ": precision is 0/0"));
                case RECALL -> values.put(m, ratio(c.recall(), "reference is empty for label " + label + ": recall is 0/0"));
                case ABSOLUTE_VOLUME_DIFFERENCE -> values.put(m, MetricValue.of(c.absoluteVolumeDifferenceMm3()));
                case RELATIVE_VOLUME_DIFFERENCE -> values.put(m, ratio(c.relativeVolumeDifference(),
                        "reference is empty for label " + label + ": relative volume difference divides by 0"));
                case SURFACE_DICE -> values.put(m, ratio(Objects.requireNonNull(sd).surfaceDice(o.surfaceDiceToleranceMm()), bothEmpty));
                default -> {
                    if (!predEmpty && !refEmpty) {
                        values.put(m, MetricValue.of(distance(m, Objects.requireNonNull(sd), o)));
                    } else {
                        String why = predEmpty && refEmpty ? bothEmpty + ": no surface to measure"
                                : (predEmpty ? "prediction" : "reference") + " is empty for label " + label
                                  + " (the " + (predEmpty ? "reference" : "prediction") + " has "
                                  + (predEmpty ? c.reference() : c.prediction()) + " voxels): surface distance undefined";
                        if (o.emptyPolicy() == EmptyMaskPolicy.SKIP) {
                            skipped.put(m, why + "; skipped by empty-mask policy SKIP");
                        } else if (predEmpty && refEmpty || o.emptyPolicy() == EmptyMaskPolicy.NAN) {
                            values.put(m, MetricValue.undefined(why));
                        } else {
                            double v = switch (o.emptyPolicy()) {
                                case INFINITY -> Double.POSITIVE_INFINITY;
                                case DIAGONAL -> g.diagonalMm();
                                case FIXED -> o.fixedEmptyValue();
                                default -> throw new IllegalStateException(o.emptyPolicy().toString());
                            };
                            values.put(m, MetricValue.substituted(v, why + "; " + v + " mm by empty-mask policy " + o.emptyPolicy()));
                        }
                    }
                }
            }
        }
        return new ClassResult(values, skipped);
    }

    private static double distance(Metric m, SurfaceDistances sd, EvaluationOptions o) {
        return switch (m) {
            case HAUSDORFF -> sd.hausdorff();
            case HAUSDORFF95 -> sd.percentileHausdorff(95, o.percentileConvention());
            case AVERAGE_SURFACE_DISTANCE -> sd.averageSurfaceDistance();
            case AVERAGE_SYMMETRIC_SURFACE_DISTANCE -> sd.averageSymmetricSurfaceDistance();
            default -> throw new IllegalStateException("not a distance: " + m);
        };
    }

    private static MetricValue ratio(double v, String reasonIfNaN) {
        return Double.isNaN(v) ? MetricValue.undefined(reasonIfNaN) : MetricValue.of(v);
    }

    private static void requireLabels(int[] labels, String caseId) {
        if (labels.length == 0) throw new IllegalArgumentException("no class labels given for case '" + caseId + "'");
        Set<Integer> seen = new HashSet<>();
        for (int l : labels) {
            if (l < 0) throw new IllegalArgumentException("class label " + l + " is negative (case '" + caseId + "', labels " + Arrays.toString(labels) + ")");
            if (!seen.add(l)) throw new IllegalArgumentException("class label " + l + " is listed twice (case '" + caseId + "', labels " + Arrays.toString(labels) + ")");
        }
    }
}
