package org.nlwb.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code nlwb decode FILE...}. */
@Command(name = "decode", description = "Decode netlink dump files and print the decoded trees.")
public final class DecodeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
