package org.regionwise.training.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.EpochReport;

/**
 * Atomic checkpoint directories under {@code <run>/checkpoints/}: {@code last} (after every epoch) and {@code best}
 * (highest mean foreground validation Dice). Each holds what the engine's
 * {@link org.regionwise.training.spi.Network#save} writes ({@code model.properties} and the engine's files: weights,
 * optimiser moments and step, normalisation statistics), {@code state.properties} (epochs done, best Dice) and
 * {@code history.csv}.
 *
 * <p>Writing is crash-safe: the new checkpoint is written completely into a hidden temporary directory, the old one
 * is renamed to {@code .<name>.old}, the new one renamed into place, and the old one deleted. A crash at any point
 * leaves either the previous or the new checkpoint complete; {@link #locate} finds it (falling back to
 * {@code .<name>.old} when a crash hit between the two renames). Pipeline RNG state needs no storage: every batch is a
 * pure function of {@code (seed, epoch, step)}, so the epoch count restores it.
 */
public final class Checkpoints {
    public static final String LAST = "last", BEST = "best";
    static final String STATE = "state.properties", HISTORY = "history.csv";

    /** What a checkpoint records besides the variables. */
    public record State(int epochsDone, double bestDice, int bestEpoch) {}

    /** Writes the checkpoint's files into a directory (the variables, spec and so on). */
    @FunctionalInterface
    public interface Writer_ { void write(Path directory) throws IOException; }

    private Checkpoints() {}

    public static Path root(Path runDirectory) { return runDirectory.resolve("checkpoints"); }

    /** Renames a directory (tests inject failures to play crashes between the steps of {@link #write}). */
    @FunctionalInterface
    interface Mover { void move(Path from, Path to) throws IOException; }

    /** Writes checkpoint {@code name} atomically with {@code content}, then the state and history. */
    public static Path write(Path runDirectory, String name, Writer_ content, State state, List<EpochReport> history, int classes) {
        return write(runDirectory, name, content, state, history, classes, Checkpoints::move);
    }

    static Path write(Path runDirectory, String name, Writer_ content, State state, List<EpochReport> history, int classes,
                      Mover mover) {
        Path root = root(runDirectory);
        Path target = root.resolve(name);
        Path tmp = root.resolve("." + name + ".tmp-" + System.nanoTime());
        Path old = root.resolve("." + name + ".old");
        try {
            Files.createDirectories(tmp);
            content.write(tmp);
            writeState(tmp.resolve(STATE), state);
            HistoryCsv.write(tmp.resolve(HISTORY), history, classes);
            // after a crash between the two renames below, .old is the only complete checkpoint: keep it until the
            // new one is in place
            if (Files.exists(old) && Files.exists(target)) deleteRecursively(old);
            if (Files.exists(target)) mover.move(target, old);
            mover.move(tmp, target);
            if (Files.exists(old)) deleteRecursively(old);
            return target;
        } catch (IOException e) {
            try {
                if (Files.exists(tmp)) deleteRecursively(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot write checkpoint " + target, e);
        }
    }

    /** The complete checkpoint {@code name}, if any (recovering from a crash between renames). */
    public static Optional<Path> locate(Path runDirectory, String name) {
        Path root = root(runDirectory);
        Path target = root.resolve(name);
        if (Files.isRegularFile(target.resolve(STATE))) return Optional.of(target);
        Path old = root.resolve("." + name + ".old");
        if (Files.isRegularFile(old.resolve(STATE))) return Optional.of(old);
        return Optional.empty();
    }

    public static State readState(Path checkpoint) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(checkpoint.resolve(STATE), StandardCharsets.UTF_8)) {
            p.load(r);
            return new State(Integer.parseInt(p.getProperty("epochsDone")), Double.parseDouble(p.getProperty("bestDice")),
                    Integer.parseInt(p.getProperty("bestEpoch")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + checkpoint.resolve(STATE), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("corrupt checkpoint state " + checkpoint.resolve(STATE) + ": " + e.getMessage(), e);
        }
    }

    public static List<EpochReport> readHistory(Path checkpoint) { return HistoryCsv.read(checkpoint.resolve(HISTORY)); }

    private static void writeState(Path f, State s) throws IOException {
        Properties p = new Properties();
        p.setProperty("epochsDone", Integer.toString(s.epochsDone()));
        p.setProperty("bestDice", Double.toString(s.bestDice()));
        p.setProperty("bestEpoch", Integer.toString(s.bestEpoch()));
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            p.store(w, "RegionWise training state");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }
            @Override public FileVisitResult postVisitDirectory(Path d, @Nullable IOException exc) throws IOException {
                if (exc != null) throw exc;
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
