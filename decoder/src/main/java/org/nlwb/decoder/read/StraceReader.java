package org.nlwb.decoder.read;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Record;

/**
 * Reads a strace log ({@code strace -f -ttt -yy -e trace=%network -e read=all -e write=all -o F CMD}
 * and older or plainer forms) through a {@link StraceParser}. A log with strace lines but no
 * netlink traffic is read as an empty capture with an info diagnostic.
 */
public final class StraceReader implements Reader {

    @Override
    public DumpFormat format() {
        return DumpFormat.STRACE;
    }

    @Override
    public boolean sniff(byte[] head) {
        if (TextLines.isBinary(head)) {
            return false;
        }
        for (String line : TextLines.head(head, 50)) {
            if (!line.isBlank() && !StraceParser.isStraceMessage(line)) {
                return StraceParser.looksLikeStrace(line);
            }
        }
        return false;
    }

    @Override
    public ReadMetadata read(String name, byte[] input, Consumer<Record> sink, Consumer<Diagnostic> diagnostics)
            throws NotThisFormatException {
        List<String> lines = TextLines.of(input);
        int first = 0;
        while (first < lines.size() && (lines.get(first).isBlank() || StraceParser.isStraceMessage(lines.get(first)))) {
            first++;
        }
        if (first == lines.size()) {
            throw new NotThisFormatException("line 1: the file holds no text lines");
        }
        if (!StraceParser.looksLikeStrace(lines.get(first))) {
            String l = lines.get(first);
            throw new NotThisFormatException("line " + (first + 1) + ": expected a strace line such as "
                    + "\"123 1700000000.123456 sendmsg(3, ...) = 20\", found \""
                    + TextLines.quote(l) + "\"");
        }
        List<Diagnostic> diags = new ArrayList<>();
        StraceParser parser = new StraceParser(name, sink, diags::add);
        lines.forEach(parser::accept);
        parser.finish();
        diags.forEach(diagnostics);
        if (parser.records() == 0) {
            diagnostics.accept(Diagnostic.info(Locations.shortName(name), "no netlink traffic in this strace log ("
                    + lines.size() + " lines)"));
        }
        return ReadMetadata.none();
    }
}
