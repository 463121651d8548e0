package org.regionwise.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.Nifti;

/** {@code rw evaluate} in-process on small NIfTI files written with the project's writer. */
class EvaluateCommandTest {
    @TempDir Path dir;

    static final Grid G = Grid.of(new int[] {20, 16, 6}, new double[] {2.0, 1.0, 3.0});

    /** Label 1: box x in [x0, x0+6), y in [4, 10), z in [1, 4); label 2 (optional): box near the corner. */
    static LabelImage labels(Grid g, int x0, boolean withTwo) {
        int[] d = new int[g.voxelCount()];
        for (int z = 1; z < 4; z++) for (int y = 4; y < 10; y++) for (int x = x0; x < x0 + 6; x++) d[g.index(x, y, z)] = 1;
        if (withTwo) for (int z = 2; z < 4; z++) for (int y = 12; y < 15; y++) for (int x = 15; x < 18; x++) d[g.index(x, y, z)] = 2;
        return new LabelImage(g, d);
    }

    @Test
    void twoFilesTableShowsPerClassValuesAndMeanStd() {
        Path p = dir.resolve("p.nii.gz");
        Path r = dir.resolve("case7.nii.gz");
        Nifti.write(p, labels(G, 5, false));   // label 2 missed
        Nifti.write(r, labels(G, 2, true));
        Cli.Result res = Cli.run("evaluate", "--pred", p.toString(), "--ref", r.toString());
        assertThat(res.exit()).as(res.err()).isZero();
        // label 1: boxes offset by 3 voxels along x (2 mm) → HD 6 mm, Dice 2*3/(6+6) = 0.5
        assertThat(res.out()).contains("case7").contains("DICE").contains("HD [mm]").contains("HD95 [mm]").contains("ASSD [mm]")
                .containsPattern("case7\\s+1\\s+0\\.5000\\s+6\\.0000")
                .containsPattern("case7\\s+2\\s+0\\.0000\\s+nan\\s+nan\\s+nan")
                .contains("mean ± std").contains("empty-mask policy nan");
    }

    @Test
    void emptyPolicyInfMarksTheMissedClass() {
        Path p = dir.resolve("p.nii");
        Path r = dir.resolve("r.nii");
        Nifti.write(p, labels(G, 5, false));
        Nifti.write(r, labels(G, 2, true));
        Cli.Result res = Cli.run("evaluate", "--pred", p.toString(), "--ref", r.toString(), "--empty", "inf", "--classes", "2");
        assertThat(res.exit()).as(res.err()).isZero();
        assertThat(res.out()).containsPattern("r\\s+2\\s+0\\.0000\\s+inf\\*\\s+inf\\*\\s+inf\\*").doesNotContainPattern("\\s1\\s+0\\.5");
    }

    @Test
    void foldersAreMatchedByNameAndCsvJsonAreWritten() throws Exception {
        Path pd = Files.createDirectories(dir.resolve("pred"));
        Path rd = Files.createDirectories(dir.resolve("ref"));
        Nifti.write(pd.resolve("a.nii.gz"), labels(G, 5, true));
        Nifti.write(rd.resolve("a.nii.gz"), labels(G, 2, true));
        Nifti.write(pd.resolve("b.nii.gz"), labels(G, 2, false));
        Nifti.write(rd.resolve("b.nii.gz"), labels(G, 2, false));
        Path csv = dir.resolve("out/results.csv");
        Cli.Result res = Cli.run("evaluate", "--pred", pd.toString(), "--ref", rd.toString(), "--format", "csv", "--out", csv.toString());
        assertThat(res.exit()).as(res.err()).isZero();
        String cases = Files.readString(csv);
        assertThat(cases).startsWith("case,label,metric,unit,status,value,note\n")
                .contains("a,1,hd,mm,measured,6.0,").contains("b,1,dice,,measured,1.0,")
                .contains("b,2,dice,,undefined,NaN,prediction and reference are both empty for label 2");
        String summary = Files.readString(dir.resolve("out/results.summary.csv"));
        assertThat(summary).contains("1,dice,,2,2,0,0,0.75,");   // mean of 0.5 and 1.0
        assertThat(summary).contains("2,dice,,2,1,1,0,1.0,");     // b has no label 2: counted undefined

        Cli.Result json = Cli.run("evaluate", "--pred", pd.toString(), "--ref", rd.toString(), "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"emptyMaskPolicy\": \"NAN\"").contains("\"case\": \"a\"").contains("\"summary\"");
    }

    @Test
    void workersGiveTheSameResultsAndAnInterruptedRunResumesWithItsFinishedCases() throws Exception {
        Path pd = Files.createDirectories(dir.resolve("pred"));
        Path rd = Files.createDirectories(dir.resolve("ref"));
        for (int c = 0; c < 6; c++) {
            Nifti.write(pd.resolve("c" + c + ".nii.gz"), labels(G, 3 + c % 3, c % 2 == 0));
            Nifti.write(rd.resolve("c" + c + ".nii.gz"), labels(G, 2, true));
        }
        Path one = dir.resolve("one.csv"), three = dir.resolve("three.csv");
        assertThat(Cli.run("evaluate", "--pred", pd.toString(), "--ref", rd.toString(), "--format", "csv", "--workers", "1",
                "--out", one.toString()).exit()).isZero();
        Cli.Result par = Cli.run("evaluate", "--pred", pd.toString(), "--ref", rd.toString(), "--format", "csv", "--workers", "3",
                "--progress", "lines", "--out", three.toString());
        assertThat(par.exit()).as(par.err()).isZero();
        assertThat(Files.readString(three)).isEqualTo(Files.readString(one));
        assertThat(par.err()).contains("evaluate [6/6]");
        assertThat(EvaluateCommand.partialDir(three)).doesNotExist();

        // case c3 is broken: c0..c2 finish (one worker, name order), the run fails and keeps them
        Path good = dir.resolve("c3.nii.gz");
        Files.move(pd.resolve("c3.nii.gz"), good);
        Nifti.write(pd.resolve("c3.nii.gz"), labels(Grid.of(new int[] {20, 16, 6}, new double[] {1, 1, 1}), 5, false));
        Path out = dir.resolve("resumed.csv");
        Cli.Result failed = Cli.run("evaluate", "--pred", pd.toString(), "--ref", rd.toString(), "--format", "csv", "--workers", "1",
                "--out", out.toString());
        assertThat(failed.exit()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(failed.err()).contains("different grids").contains("--resume");
        assertThat(EvaluateCommand.partialDir(out).resolve("c0.csv")).exists();
        assertThat(EvaluateCommand.partialDir(out).resolve("c2.csv")).exists();
        assertThat(out).doesNotExist();
        // fixed; c0's prediction changes too, but --resume keeps its finished result instead of recomputing it
        Files.move(good, pd.resolve("c3.nii.gz"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Nifti.write(pd.resolve("c0.nii.gz"), labels(G, 2, true));
        Cli.Result resumed = Cli.run("evaluate", "--pred", pd.toString(), "--ref", rd.toString(), "--format", "csv", "--resume",
                "--out", out.toString());
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("3 case(s) kept from the interrupted run");
        assertThat(Files.readString(out)).isEqualTo(Files.readString(one));
        assertThat(EvaluateCommand.partialDir(out)).doesNotExist();
        // without --resume everything is evaluated afresh: c0 now matches its reference
        Path fresh = dir.resolve("fresh.csv");
        assertThat(Cli.run("evaluate", "--pred", pd.toString(), "--ref", rd.toString(), "--format", "csv", "--out", fresh.toString()).exit()).isZero();
        assertThat(Files.readString(fresh)).contains("c0,1,dice,,measured,1.0,");
    }

    @Test
    void missingCounterpartIsAOneLineErrorNamingTheFile() throws Exception {
        Path pd = Files.createDirectories(dir.resolve("pred"));
        Path rd = Files.createDirectories(dir.resolve("ref"));
        Nifti.write(pd.resolve("a.nii.gz"), labels(G, 5, true));
        Nifti.write(rd.resolve("a.nii.gz"), labels(G, 2, true));
        Nifti.write(rd.resolve("c.nii.gz"), labels(G, 2, true));
        Cli.Result res = Cli.run("evaluate", "--pred", pd.toString(), "--ref", rd.toString());
        assertThat(res.exit()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(res.errLines()).hasSize(1);
        assertThat(res.err()).contains("no prediction for reference").contains("c.nii.gz");

        Nifti.write(pd.resolve("c.nii.gz"), labels(G, 2, true));
        Nifti.write(pd.resolve("extra.nii.gz"), labels(G, 2, true));
        Cli.Result extra = Cli.run("evaluate", "--pred", pd.toString(), "--ref", rd.toString());
        assertThat(extra.exit()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(extra.err()).contains("no reference for prediction").contains("extra.nii.gz");
    }

    @Test
    void differentGridsAreAOneLineErrorNamingBoth() {
        Path p = dir.resolve("p.nii.gz");
        Path r = dir.resolve("r.nii.gz");
        Nifti.write(p, labels(Grid.of(new int[] {20, 16, 6}, new double[] {1, 1, 1}), 5, false));
        Nifti.write(r, labels(G, 2, true));
        Cli.Result res = Cli.run("evaluate", "--pred", p.toString(), "--ref", r.toString());
        assertThat(res.exit()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(res.errLines()).hasSize(1);
        assertThat(res.err()).contains("different grids").contains(p.toString()).contains(r.toString())
                .contains("1×1×1 mm").contains("2×1×3 mm");
    }

    @Test
    void badOptionsAreUserErrors() {
        Path p = dir.resolve("p.nii.gz");
        Nifti.write(p, labels(G, 5, false));
        assertThat(Cli.run("evaluate", "--pred", p.toString(), "--ref", p.toString(), "--empty", "zero").err())
                .contains("--empty must be nan, inf, diagonal or skip, got 'zero'");
        assertThat(Cli.run("evaluate", "--pred", p.toString(), "--ref", dir.resolve("nope.nii").toString()).err())
                .contains("nope.nii").contains("no such file");
        assertThat(Cli.run("evaluate", "--pred", p.toString(), "--ref", dir.toString()).err())
                .contains("both be files or both be folders");
    }
}
