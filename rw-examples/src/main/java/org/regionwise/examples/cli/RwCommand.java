package org.regionwise.examples.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code rw}, the RegionWise command line. Subcommands are listed in {@code subcommands} below; see the package
 * documentation for how to add one.
 */
@Command(
        name = "rw",
        mixinStandardHelpOptions = true,
        versionProvider = RwVersionProvider.class,
        usageHelpAutoWidth = true,
        description = "RegionWise: region-wise (RW) loss maps, training and evaluation for medical image segmentation.",
        footer = {"",
                  "Exit codes: 0 success, 1 internal error, 2 user error (bad input or options). Run 'rw COMMAND "
                  + "--help' for the options of a command."},
        subcommands = {
            InfoCommand.class,
            MapsCommand.class,
            EvaluateCommand.class,
            PreprocessCommand.class,
            TrainCommand.class,
            PredictCommand.class,
            CompareCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class RwCommand implements Runnable {
    static final String DEBUG = "--debug";

    @Spec CommandSpec spec;

    @Option(names = DEBUG, scope = ScopeType.INHERIT,
            description = "Print stack traces of errors and log at DEBUG level.")
    boolean debug;

    /** {@code rw} alone: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /**
     * The {@code rw} command line with the shared error handling and the {@code --debug} logging switch.
     *
     * @return the command line
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RwCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(CliErrors.executionHandler());
        cl.setParameterExceptionHandler(CliErrors.parameterHandler());
        cl.setExecutionStrategy(RwCommand::executeWithLogging);
        return cl;
    }

    /**
     * Runs {@code rw} and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * Runs the command, at DEBUG level with {@code --debug}. Log4j is touched only then: a command that logs nothing
     * ({@code --version}, {@code --help}, {@code info}) never initialises it, which saves a fifth of a second.
     */
    private static int executeWithLogging(ParseResult parseResult) {
        if (!matched(parseResult)) return new CommandLine.RunLast().execute(parseResult);
        Level before = LogManager.getRootLogger().getLevel();
        Configurator.setRootLevel(Level.DEBUG);
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } finally {
            Configurator.setRootLevel(before);
        }
    }

    /** True when {@code --debug} was given anywhere on the command line that {@code cmd} belongs to. */
    static boolean debugRequested(CommandLine cmd) {
        CommandLine root = cmd;
        while (root.getParent() != null) root = root.getParent();
        ParseResult pr = root.getParseResult();
        return pr != null && matched(pr);
    }

    private static boolean matched(ParseResult pr) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(DEBUG)) return true;
        }
        return false;
    }
}
