package org.regionwise.examples.data.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one task per case on a few daemon threads (on the calling thread for one worker), as {@code rw preprocess},
 * {@code rw predict} and {@code rw evaluate} do. The first failure is rethrown once no task is running any more, so
 * nothing is still being written when the caller reports it.
 */
public final class ParallelCases {
    private ParallelCases() {}

    /**
     * Runs {@code task} on every case.
     *
     * @param cases the cases
     * @param workers threads at most
     * @param threadName the threads' name
     * @param task what to do with one case
     * @param <T> the case type
     */
    public static <T> void forEach(List<T> cases, int workers, String threadName, Consumer<T> task) {
        int n = Math.min(workers, cases.size());
        if (n <= 1) {
            for (T c : cases) task.accept(c);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (T c : cases) fs.add(pool.submit(() -> task.accept(c)));
            for (Future<?> f : fs) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(threadName + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error er) throw er;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                if (!pool.awaitTermination(5, TimeUnit.MINUTES)) throw new IllegalStateException(threadName + " workers did not stop");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
