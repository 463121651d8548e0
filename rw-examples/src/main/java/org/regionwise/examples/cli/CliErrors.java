package org.regionwise.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.io.ImageFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The error policy shared by every {@code rw} subcommand.
 *
 * <ul>
 *   <li>User errors ({@link UserError}, {@link ImageFormatException}, {@link IllegalArgumentException}, I/O errors,
 *       bad options or parameters): exactly one line {@code rw: <message>} on stderr, exit code {@value #USER_ERROR};
 *       with {@code --debug} the stack trace follows.</li>
 *   <li>Anything else is an internal error: one line naming the exception and suggesting {@code --debug}, exit code
 *       {@value #INTERNAL_ERROR}; with {@code --debug} the stack trace follows.</li>
 * </ul>
 */
public final class CliErrors {
    /** Exit code for errors the user can fix. */
    public static final int USER_ERROR = 2;
    /** Exit code for bugs. */
    public static final int INTERNAL_ERROR = 1;

    private CliErrors() {}

    /**
     * Handles exceptions thrown by a subcommand's {@code call()}.
     *
     * @return the handler
     */
    public static IExecutionExceptionHandler executionHandler() {
        return (Exception ex, CommandLine cmd, ParseResult parseResult) -> {
            PrintWriter err = cmd.getErr();
            boolean debug = RwCommand.debugRequested(cmd);
            String userMessage = userMessage(ex);
            if (userMessage != null) {
                err.println("rw: " + oneLine(userMessage));
                if (debug) ex.printStackTrace(err);
                err.flush();
                return USER_ERROR;
            }
            err.println("rw: internal error: " + oneLine(ex.toString())
                    + (debug ? "" : " (run again with --debug for the stack trace)"));
            if (debug) ex.printStackTrace(err);
            err.flush();
            return INTERNAL_ERROR;
        };
    }

    /**
     * Handles bad command lines: unknown options, missing parameters, values that do not convert.
     *
     * @return the handler
     */
    public static IParameterExceptionHandler parameterHandler() {
        return (ParameterException ex, String[] args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            String help = cmd.getCommandSpec().qualifiedName() + " --help";
            err.println("rw: " + oneLine(String.valueOf(ex.getMessage())) + " (see '" + help + "')");
            if (RwCommand.debugRequested(cmd) || java.util.Arrays.asList(args).contains("--debug")) ex.printStackTrace(err);
            err.flush();
            return USER_ERROR;
        };
    }

    /** The message to show when {@code ex} (or an I/O cause) is a user error, else {@code null}. */
    static @Nullable String userMessage(Throwable ex) {
        if (ex instanceof UserError || ex instanceof ImageFormatException || ex instanceof IllegalArgumentException) {
            return String.valueOf(ex.getMessage());
        }
        if (ex instanceof UncheckedIOException u) {
            return u.getMessage() != null && !u.getMessage().equals(String.valueOf(u.getCause()))
                    ? u.getMessage() : ioMessage(u.getCause());
        }
        if (ex instanceof IOException io) return ioMessage(io);
        return null;
    }

    private static String ioMessage(IOException e) {
        if (e instanceof NoSuchFileException n) return n.getFile() + ": no such file";
        if (e instanceof AccessDeniedException a) return a.getFile() + ": permission denied";
        return String.valueOf(e.getMessage());
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
