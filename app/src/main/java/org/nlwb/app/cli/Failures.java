package org.nlwb.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * What a command prints when an exception escapes it (picocli's default is the stack trace, class
 * names and all): one line in words, exit 1. A file that cannot be read is named once with the
 * reason; anything else is a bug of nlwb's, said as such (the stack trace with NLWB_DEBUG=1). The
 * commands catch what they expect themselves; this is the guard that reports a bug clearly while
 * it is fixed where it is.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName(" ");
        err.println(name + ": " + describe(e));
        if (System.getenv("NLWB_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    static String describe(Exception e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return Plain.escaped(f.getFile()) + ": " + Plain.reason(f);
        }
        if (e instanceof IOException io) {
            return Plain.escaped(Plain.reason(io));
        }
        String why = e.getMessage() == null || e.getMessage().isBlank() ? "no details" : Plain.escaped(e.getMessage());
        return "internal error, a bug of nlwb (" + why + "); NLWB_DEBUG=1 shows where";
    }
}
