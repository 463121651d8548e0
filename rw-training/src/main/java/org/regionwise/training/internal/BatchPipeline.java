package org.regionwise.training.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.regionwise.training.spi.Batch;

/**
 * A bounded, ordered prefetch queue of training batches: worker threads build the batches of the next
 * {@code prefetch} steps (augmentation and every map at every scale) while the training thread runs the current one.
 * Batches come out in step order and each depends only on {@code (seed, epoch, step)}, so the training is
 * deterministic whatever the thread timing. With 0 workers batches are built on the calling thread.
 */
public final class BatchPipeline implements AutoCloseable {
    private final BatchFactory factory;
    private final int stepsPerEpoch, endEpoch;
    private final int prefetch;
    private final ExecutorService workers;
    private final Deque<Future<Batch>> queue = new ArrayDeque<>();
    private int nextEpoch, nextStep;
    private long waitedNanos;

    public BatchPipeline(BatchFactory factory, int startEpoch, int endEpoch, int stepsPerEpoch, int workers, int prefetch) {
        this.factory = factory;
        this.stepsPerEpoch = stepsPerEpoch;
        this.endEpoch = endEpoch;
        this.prefetch = Math.max(1, prefetch);
        this.nextEpoch = startEpoch;
        this.nextStep = 0;
        if (workers > 0) {
            AtomicInteger n = new AtomicInteger();
            this.workers = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "rw-batches-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        } else {
            this.workers = null;
        }
    }

    private void fill() {
        while (workers != null && queue.size() < prefetch && nextEpoch < endEpoch) submitNext();
    }

    private void submitNext() {
        int e = nextEpoch, s = nextStep;
        if (++nextStep == stepsPerEpoch) { nextStep = 0; nextEpoch++; }
        if (workers == null) queue.add(CompletableFuture.completedFuture(factory.create(e, s)));
        else queue.add(workers.submit(() -> factory.create(e, s)));
    }

    /** The next batch in step order; blocks only when the workers have fallen behind. */
    public Batch next() {
        if (workers == null) {
            if (nextEpoch >= endEpoch) throw new IllegalStateException("no batches left after epoch " + (endEpoch - 1));
            submitNext();
        } else {
            fill();
        }
        Future<Batch> f = queue.poll();
        if (f == null) throw new IllegalStateException("no batches left after epoch " + (endEpoch - 1));
        long t0 = System.nanoTime();
        try {
            Batch b = f.get();
            waitedNanos += System.nanoTime() - t0;
            fill();
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a training batch", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            throw new IllegalStateException("building a training batch failed: " + c, c);
        }
    }

    /** Total time the training thread spent waiting for batches, in nanoseconds. */
    public long waitedNanos() { return waitedNanos; }

    @Override
    public void close() {
        if (workers != null) {
            for (Future<Batch> f : queue) f.cancel(true);
            workers.shutdownNow();
        }
        queue.clear();
    }
}
