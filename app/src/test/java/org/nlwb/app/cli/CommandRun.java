package org.nlwb.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One {@code nlwb} command run in this JVM through picocli's own out and err writers: for commands
 * that print through {@code spec.commandLine().getOut()/getErr()} (convert, spec, diff), not
 * System.out.
 */
record CommandRun(int exit, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = NlwbCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }
}
