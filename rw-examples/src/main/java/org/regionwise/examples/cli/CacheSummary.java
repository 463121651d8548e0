package org.regionwise.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.regionwise.examples.data.DatasetRegistry;
import org.regionwise.examples.data.NnUnetCache;

/**
 * What {@code rw train} and {@code rw compare} say of a case cache they build or reuse: the per-case progress (when
 * given) and one summary line on stdout when the cache is ready.
 */
record CacheSummary(PrintWriter out, Path dir, @Nullable CaseProgress progress) implements NnUnetCache.Listener {
    /** The cache folder {@code parent/FOLDER} of the nnU-Net dataset {@code spec}, named after the dataset's folder. */
    static Path folderIn(Path parent, String spec) {
        return parent.resolve(String.valueOf(DatasetRegistry.nnUnetRoot(spec).toAbsolutePath().normalize().getFileName()));
    }

    @Override public void started(int cases, int workers) { if (progress != null) progress.started(cases, workers); }

    @Override public void caseDone(String id, boolean reused, long bytes, int done, int total) {
        if (progress != null) progress.caseDone(id, reused, bytes, done, total);
    }

    @Override public void finished(NnUnetCache.Report r) {
        if (progress != null) progress.finished(r);
        out.println(PreprocessCommand.describe(r, dir));
        out.flush();
    }
}
