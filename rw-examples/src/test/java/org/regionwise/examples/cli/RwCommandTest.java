package org.regionwise.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class RwCommandTest {

    @Test
    void helpListsTheSubcommands() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: rw", "info", "--debug", "--version", "Exit codes");
        assertThat(r.err()).isEmpty();
        Cli.Result h = Cli.run("help", "info");
        assertThat(h.exit()).isZero();
        assertThat(h.out()).contains("Usage: rw info", "FILE", "--max-labels");
    }

    @Test
    void versionComesFromTheManifestOrTheFilteredResource() {
        Cli.Result r = Cli.run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("^rw \\d+\\.\\d+\\.\\d+").contains("Java ");
        assertThat(RwVersionProvider.version()).doesNotContain("${").isNotEqualTo("unknown");
    }

    @Test
    void noSubcommandIsAUsageError() {
        Cli.Result r = Cli.run();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("rw: Missing required subcommand (see 'rw --help')");
    }

    @Test
    void unknownOptionsAndSubcommandsAreOneLineUsageErrors() {
        Cli.Result r = Cli.run("info", "--bogus", "x.nii");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("rw: Unknown option: '--bogus' (see 'rw info --help')");
        Cli.Result s = Cli.run("frobnicate");
        assertThat(s.exit()).isEqualTo(2);
        assertThat(s.errLines()).hasSize(1);
        assertThat(s.err()).startsWith("rw: Unmatched argument");
        Cli.Result m = Cli.run("info");
        assertThat(m.exit()).isEqualTo(2);
        assertThat(m.errLines()).containsExactly("rw: Missing required parameter: 'FILE' (see 'rw info --help')");
        Cli.Result n = Cli.run("info", "--max-labels", "many", "x.nii");
        assertThat(n.exit()).isEqualTo(2);
        assertThat(n.errLines()).hasSize(1);
        assertThat(n.err()).contains("--max-labels", "many");
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        final RuntimeException toThrow;
        Boom(RuntimeException toThrow) { this.toThrow = toThrow; }
        @Override public Integer call() { throw toThrow; }
    }

    private static CommandLine withBoom(RuntimeException e) {
        CommandLine cl = RwCommand.commandLine();
        cl.addSubcommand("boom", new Boom(e));
        return cl;
    }

    @Test
    void internalErrorsExitWithOneAndSuggestDebug() {
        Cli.Result r = Cli.run(withBoom(new NullPointerException("oops")), "boom");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly(
                "rw: internal error: java.lang.NullPointerException: oops (run again with --debug for the stack trace)");
    }

    @Test
    void userErrorsExitWithTwoOnOneLine() {
        Cli.Result r = Cli.run(withBoom(new UserError("cannot do that\nbecause")), "boom");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("rw: cannot do that because");
        Cli.Result i = Cli.run(withBoom(new IllegalArgumentException("K must be >= 2, got 1")), "boom");
        assertThat(i.exit()).isEqualTo(2);
        assertThat(i.errLines()).containsExactly("rw: K must be >= 2, got 1");
    }

    @Test
    void debugAddsTheStackTraceBeforeOrAfterTheSubcommand() {
        Cli.Result before = Cli.run(withBoom(new UserError("bad")), "--debug", "boom");
        assertThat(before.exit()).isEqualTo(2);
        assertThat(before.errLines()[0]).isEqualTo("rw: bad");
        assertThat(before.err()).contains("UserError", "\tat ");
        Cli.Result after = Cli.run(withBoom(new IllegalStateException("bug")), "boom", "--debug");
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.errLines()[0]).isEqualTo("rw: internal error: java.lang.IllegalStateException: bug");
        assertThat(after.err()).contains("\tat ");
    }
}
