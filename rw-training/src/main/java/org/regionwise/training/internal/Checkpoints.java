package org.regionwise.training.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.io.FileTrees;

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
 *
 * <p>Every checkpoint ends with {@code checksums.sha256}: the SHA-256 of each of its other files, in the format of
 * {@code sha256sum} (so {@code cd checkpoints/last && sha256sum -c checksums.sha256} checks one by hand).
 * {@link #locateValid} verifies it and passes over a truncated or corrupted checkpoint to the next candidate
 * ({@code .<name>.old}, then {@code best}), naming the bad file. A failed write (a full disk, say) deletes its
 * temporary directory and leaves the previous checkpoint as it was.
 */
public final class Checkpoints {
    public static final String LAST = "last", BEST = "best";
    static final String STATE = "state.properties", HISTORY = "history.csv";
    /** The checksum manifest of a checkpoint directory. */
    public static final String CHECKSUMS = "checksums.sha256";

    /** A checkpoint found by {@link #locateValid}, with one line per candidate passed over (why, naming the file). */
    public record Located(Path path, List<String> warnings) {
        public Located { warnings = List.copyOf(warnings); }
    }

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
            writeChecksums(tmp);
            // after a crash between the two renames below, .old is the only complete checkpoint: keep it until the
            // new one is in place
            if (Files.exists(old) && Files.exists(target)) FileTrees.delete(old);
            if (Files.exists(target)) mover.move(target, old);
            mover.move(tmp, target);
            if (Files.exists(old)) FileTrees.delete(old);
            return target;
        } catch (IOException e) {
            try {
                if (Files.exists(tmp)) FileTrees.delete(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
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

    /**
     * The first checkpoint among {@code name}, {@code .<name>.old} and (for {@code last}) {@code best} whose files
     * match its {@code checksums.sha256}; candidates that fail are listed in {@link Located#warnings()}. Empty when
     * none is valid. A checkpoint written before checksums existed (no manifest) is accepted as it is.
     */
    public static Optional<Located> locateValid(Path runDirectory, String name) {
        Path root = root(runDirectory);
        List<Path> candidates = new java.util.ArrayList<>(List.of(root.resolve(name), root.resolve("." + name + ".old")));
        if (name.equals(LAST)) {
            candidates.add(root.resolve(BEST));
            candidates.add(root.resolve("." + BEST + ".old"));
        }
        List<String> warnings = new java.util.ArrayList<>();
        for (Path c : candidates) {
            if (!Files.isDirectory(c)) continue;
            Optional<String> problem = verify(c);
            if (problem.isEmpty()) return Optional.of(new Located(c, warnings));
            warnings.add("checkpoint " + c + " is damaged (" + problem.get() + "); passing over it");
        }
        return Optional.empty();
    }

    /** One clause per checkpoint candidate that exists but is damaged ("{@code ; <dir>: <why>}"), empty if none. */
    public static String damage(Path runDirectory) {
        Path root = root(runDirectory);
        StringBuilder b = new StringBuilder();
        for (String n : List.of(LAST, "." + LAST + ".old", BEST, "." + BEST + ".old")) {
            Path c = root.resolve(n);
            if (Files.isDirectory(c)) verify(c).ifPresent(why -> b.append("; ").append(c).append(": ").append(why));
        }
        return b.toString();
    }

    /**
     * Why the checkpoint directory is not intact, or empty when every file listed in its manifest has the recorded
     * SHA-256 and the state file reads.
     */
    public static Optional<String> verify(Path checkpoint) {
        Path manifest = checkpoint.resolve(CHECKSUMS);
        try {
            if (!Files.isRegularFile(checkpoint.resolve(STATE))) return Optional.of(checkpoint.resolve(STATE) + " is missing");
            if (Files.isRegularFile(manifest)) {
                List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
                if (lines.isEmpty()) return Optional.of(manifest + " is empty");
                for (String line : lines) {
                    if (line.isBlank()) continue;
                    int sep = line.indexOf("  ");
                    if (sep != 64) return Optional.of(manifest + " has a malformed line '" + line + "'");
                    Path f = checkpoint.resolve(line.substring(sep + 2));
                    if (!Files.isRegularFile(f)) return Optional.of(f + " is missing");
                    if (!sha256(f).equals(line.substring(0, sep))) return Optional.of(f + " does not match its SHA-256 in " + CHECKSUMS);
                }
            }
            readState(checkpoint);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void writeChecksums(Path dir) throws IOException {
        List<String> files = new java.util.ArrayList<>();
        try (var s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(f -> files.add(dir.relativize(f).toString().replace('\\', '/')));
        }
        java.util.Collections.sort(files);
        StringBuilder b = new StringBuilder();
        for (String f : files) {
            if (f.equals(CHECKSUMS)) continue;
            b.append(sha256(dir.resolve(f))).append("  ").append(f).append('\n');
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve(CHECKSUMS), StandardCharsets.UTF_8)) {
            w.write(b.toString());
        }
    }

    static String sha256(Path f) throws IOException {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        byte[] buf = new byte[1 << 16];
        try (var in = Files.newInputStream(f)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return java.util.HexFormat.of().formatHex(md.digest());
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
}
