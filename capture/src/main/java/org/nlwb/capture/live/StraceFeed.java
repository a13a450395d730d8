package org.nlwb.capture.live;

import org.nlwb.decoder.read.StraceParser;

/**
 * The decoder's {@link StraceParser} fed live: every record goes into the capture as soon as
 * its hex dump is complete, every parse problem becomes a diagnostic there.
 */
public final class StraceFeed implements StraceLines {
    private final StraceParser parser;

    public StraceFeed(String name, LiveCapture sink) {
        this.parser = new StraceParser(name, sink::append, sink::diagnostic);
    }

    /** The factory {@link TraceSource} takes. */
    public static StraceLines.Factory factory() {
        return StraceFeed::new;
    }

    @Override
    public void line(String line) {
        parser.accept(line);
    }

    @Override
    public void end() {
        parser.finish();
    }
}
