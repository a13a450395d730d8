package org.nlwb.decoder.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nlwb.decoder.model.Record;

/**
 * Joins the calls strace split ({@code <unfinished ...>} then {@code <... recvmsg resumed>}, per
 * pid) and hands records over in the order their bytes moved. A send's bytes move when it starts,
 * a recv's when it returns; so a send strace split goes before a recv that returned while it was
 * unfinished (the kernel answered or notified because of that send), although its dump comes
 * later. Records wait only while such a send is open.
 */
final class StraceCallOrder {
    /** Calls cut by {@code <unfinished ...>}, by pid; a HashMap, so that the end-of-trace warnings keep their order. */
    private final Map<Integer, StraceCall> unfinished = new HashMap<>();
    /** Records held back, sorted by the line their bytes moved at. */
    private final List<Held> held = new ArrayList<>();

    private record Held(int orderLine, Record record) {
    }

    /** A call strace cut; it waits for its resumed line. */
    void cut(StraceCall call) {
        unfinished.put(call.pid(), call);
    }

    /**
     * The whole call that {@code <... name resumed>} at {@code line} completes, with the arguments
     * of both parts; null when {@code pid} has no unfinished call of that name. A recv is timed and
     * ordered by the resumed line (its bytes arrived then), a send by its start.
     */
    StraceCall resume(int pid, String name, long timeNanos, int line, String rest) {
        StraceCall start = unfinished.remove(pid);
        if (start == null || !start.name().equals(name)) {
            return null;
        }
        boolean recv = start.isRecv();
        return new StraceCall(pid, recv && timeNanos >= 0 ? timeNanos : start.timeNanos(), line, start.name(),
                start.args() + rest, recv ? line : start.line());
    }

    /** Keeps {@code record} of {@code call} until nothing can precede it any more. */
    void hold(StraceCall call, Record record) {
        int at = held.size();
        while (at > 0 && held.get(at - 1).orderLine > call.orderLine()) {
            at--;
        }
        held.add(at, new Held(call.orderLine(), record));
    }

    /**
     * Hands {@code sink} the held records no open send can precede ({@code all}: every one);
     * returns how many.
     */
    int release(boolean all, Consumer<Record> sink) {
        int limit = Integer.MAX_VALUE;
        if (!all) {
            for (StraceCall s : unfinished.values()) {
                if (s.isSend()) {
                    limit = Math.min(limit, s.line());
                }
            }
        }
        int n = 0;
        while (!held.isEmpty() && held.get(0).orderLine < limit) {
            n++;
            sink.accept(held.remove(0).record);
        }
        return n;
    }

    /** The calls that never resumed (the trace ends inside them); forgets them. */
    Collection<StraceCall> drainUnfinished() {
        List<StraceCall> left = new ArrayList<>(unfinished.values());
        unfinished.clear();
        return left;
    }
}
