package dev.sigil.tail;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.Usage;
import dev.sigil.contract.format.Choice;
import dev.sigil.contract.format.Mapped;
import dev.sigil.contract.format.Restatements;

/**
 * The entry of a mapped line read into its rendering alone (ADR 0290, {@link TailEntry#ofRenderedMappedLine}): the
 * file's formats make its events from its bytes when someone asks, and they are those the format made then. For a
 * format that restates calls it carries each event's call and usage (null when none) until it is counted in file
 * order, then what each call adds where it restates an earlier line's (null: the event as read). A subclass of its
 * own, so that the entries of other lines carry none of this.
 */
final class DeferredMappedEntry extends TailEntry {

    private final Choice choice;
    private final String[] callKeys;
    private final Usage[] usages;
    private final Usage[] added;
    private volatile List<LogEvent> events;

    DeferredMappedEntry(long line, long offset, byte[] text, int from, int to, byte[] rendered, Choice choice, String[] callKeys,
                        Usage[] usages, Usage[] added) {
        super(line, offset, text, from, to, rendered);
        this.choice = choice;
        this.callKeys = callKeys;
        this.usages = usages;
        this.added = added;
    }

    @Override
    TailEntry counted(Restatements restatements) {
        if (callKeys == null) {
            return this;
        }
        Usage[] adds = new Usage[callKeys.length];
        for (int i = 0; i < callKeys.length; i++) {
            adds[i] = callKeys[i] == null ? null : restatements.added(callKeys[i], usages[i]);
        }
        return new DeferredMappedEntry(line(), offset(), text(), textFrom(), textTo(), rendered(), choice, null, null, adds);
    }

    @Override
    public List<LogEvent> events() {
        List<LogEvent> made = events;
        if (made == null) {
            List<Mapped> read = choice.read(json());
            List<LogEvent> out = new ArrayList<>(read.size());
            for (int i = 0; i < read.size(); i++) {
                LogEvent e = read.get(i).event();
                Usage a = added == null ? null : added[i];
                out.add(a == null ? e : e.withUsage(a, a.totalTokens()));
            }
            made = List.copyOf(out);
            events = made;
        }
        return made;
    }

    @Override
    public LogEvent event() {
        return events().get(0);
    }
}
