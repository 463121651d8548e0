package org.regionwise.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's {@code /usr/bin/python3} with nibabel as an independent NIfTI implementation. Tests that need it call
 * {@link #assumeAvailable()}, which skips them with a clear reason when python3 or nibabel is missing.
 */
final class Nibabel {
    /** Debian's interpreter; {@code -Drw.test.python=/elsewhere} points the tests at another one (e.g. to see them skip). */
    static final Path PYTHON = Path.of(System.getProperty("rw.test.python", "/usr/bin/python3"));
    static final Path TEST_DATA = Path.of("/usr/lib/python3/dist-packages/nibabel/tests/data");
    private static final String INSTALL = "(apt-get install python3-nibabel)";
    private static String unavailable;
    private static boolean probed;

    private Nibabel() {}

    /** Skips the calling test (JUnit assumption) unless /usr/bin/python3 can import nibabel and numpy. */
    static synchronized void assumeAvailable() {
        if (!probed) {
            probed = true;
            if (!Files.isExecutable(PYTHON)) {
                unavailable = "nibabel interop skipped: " + PYTHON + " not found " + INSTALL;
            } else {
                try {
                    Result r = exec(List.of(PYTHON.toString(), "-c", "import nibabel, numpy; print('nibabel', nibabel.__version__)"));
                    if (r.exit != 0 || !r.out.startsWith("nibabel ")) unavailable = "nibabel interop skipped: " + PYTHON + " cannot import nibabel " + INSTALL;
                } catch (RuntimeException e) {
                    unavailable = "nibabel interop skipped: " + PYTHON + " cannot be run (" + e.getMessage() + ") " + INSTALL;
                }
            }
        }
        Assumptions.assumeTrue(unavailable == null, unavailable);
    }

    private record Result(int exit, String out, String err) {}

    private static Result exec(List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            pb.environment().put("OMP_NUM_THREADS", "1");
            Path out = Files.createTempFile("nibabel", ".out");
            Path err = Files.createTempFile("nibabel", ".err");
            try {
                pb.redirectOutput(out.toFile()).redirectError(err.toFile());
                Process p = pb.start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("python timed out: " + command);
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code script} with {@code args} (sys.argv[1:]) and returns its stdout; fails the test on an error. */
    static String run(String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
        cmd.addAll(List.of(args));
        Result r = exec(cmd);
        assertThat(r.exit).as("python failed:%n%s", r.err).isZero();
        return r.out;
    }

    /** What nibabel reports about a file: see {@link #describe(Path, Path)}. */
    record Description(String dtype, String endianness, int[] shape, double[] zooms, double[][] affine, double[] data,
            double slope, double inter, int qformCode, int sformCode, String intent, double calMin, double calMax) {}

    private static final String DESCRIBE = """
            import sys, numpy as np, nibabel as nib
            for path, raw in zip(sys.argv[1::2], sys.argv[2::2]):
                img = nib.load(path)
                h = img.header
                d = np.asarray(img.get_fdata(dtype=np.float64))
                d.ravel(order='F').astype('<f8').tofile(raw)
                print('file', path)
                print('dtype', h.get_data_dtype().name)
                print('endianness', h.endianness)
                print('shape', *img.shape)
                print('zooms', *[float(z) for z in h.get_zooms()])
                print('affine', *[repr(float(v)) for v in img.affine.ravel()])
                s, i = img.dataobj.slope, img.dataobj.inter
                print('scaling', repr(float(s)), repr(float(i)))
                print('codes', int(h['qform_code']), int(h['sform_code']))
                print('intent', h.get_intent()[0].replace(' ', '_') or 'none')
                print('cal', repr(float(h['cal_min'])), repr(float(h['cal_max'])))
            """;

    /** Loads {@code file} with nibabel: header facts plus {@code get_fdata()} in x-fastest order. */
    static Description describe(Path file, Path scratch) {
        return describeAll(scratch, List.of(file)).get(0);
    }

    /** {@link #describe} for several files in one python process. */
    static List<Description> describeAll(Path scratch, List<Path> files) {
        List<String> args = new ArrayList<>();
        List<Path> raws = new ArrayList<>();
        for (Path file : files) {
            Path raw = scratch.resolve("nibabel-data-" + raws.size() + "-" + System.nanoTime() + ".f64");
            raws.add(raw);
            args.add(file.toString());
            args.add(raw.toString());
        }
        String out = run(DESCRIBE, args.toArray(String[]::new));
        List<Description> result = new ArrayList<>();
        String[] blocks = ("\n" + out.strip()).split("\nfile ");
        for (int k = 1; k < blocks.length; k++) {
            Map<String, String[]> f = new HashMap<>();
            for (String line : blocks[k].split("\n")) {
                String[] w = line.strip().split("\\s+");
                f.put(w[0], java.util.Arrays.copyOfRange(w, 1, w.length));
            }
            result.add(parse(f, raws.get(k - 1)));
        }
        assertThat(result).hasSize(files.size());
        return result;
    }

    private static Description parse(Map<String, String[]> f, Path raw) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
            double[] data = new double[b.remaining() / 8];
            b.asDoubleBuffer().get(data);
            Files.delete(raw);
            double[] a = doubles(f.get("affine"));
            double[][] affine = new double[4][4];
            for (int i = 0; i < 16; i++) affine[i / 4][i % 4] = a[i];
            double[] scaling = doubles(f.get("scaling"));
            return new Description(f.get("dtype")[0], f.get("endianness")[0],
                    java.util.Arrays.stream(f.get("shape")).mapToInt(Integer::parseInt).toArray(),
                    doubles(f.get("zooms")), affine, data, scaling[0], scaling[1],
                    Integer.parseInt(f.get("codes")[0]), Integer.parseInt(f.get("codes")[1]), f.get("intent")[0],
                    doubles(f.get("cal"))[0], doubles(f.get("cal"))[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] doubles(String[] words) {
        double[] d = new double[words.length];
        for (int i = 0; i < words.length; i++) d[i] = Double.parseDouble(words[i].replace("nan", "NaN"));
        return d;
    }

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
