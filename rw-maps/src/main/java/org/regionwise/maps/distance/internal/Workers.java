package org.regionwise.maps.distance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs independent work units on up to {@code threads} threads: the caller plus helpers from one shared pool of daemon
 * threads (idle helpers exit after 60 s). Units are handed out dynamically from an atomic counter so that uneven
 * foreground does not unbalance the threads.
 */
public final class Workers {
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rw-edt-" + THREAD_IDS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private Workers() {}

    /** A worker owns its scratch buffers and processes one unit at a time. */
    public interface Worker {
        void unit(int u);
    }

    /** Runs units {@code 0 .. units-1}, each exactly once; one fresh worker per participating thread. */
    public static void run(int threads, int units, Supplier<Worker> workers) {
        int t = Math.min(threads, units);
        if (t <= 1) {
            Worker w = workers.get();
            for (int u = 0; u < units; u++) w.unit(u);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable task = () -> {
            Worker w = workers.get();
            for (int u = next.getAndIncrement(); u < units; u = next.getAndIncrement()) w.unit(u);
        };
        List<Future<?>> helpers = new ArrayList<>(t - 1);
        for (int i = 1; i < t; i++) helpers.add(POOL.submit(task));
        Throwable failure = null;
        try {
            task.run();
        } catch (Throwable e) {
            next.set(units);                      // let the helpers stop early
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : helpers) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;           // keep waiting: the helpers write into the caller's array
                } catch (ExecutionException e) {
                    if (failure == null) failure = e.getCause();
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error err) throw err;
        if (failure != null) throw new IllegalStateException("distance transform worker failed", failure);
    }
}
