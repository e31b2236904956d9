package dev.sigil.orchestrate;

import java.util.List;

import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.spend.Groups;
import dev.sigil.spend.Keys;
import dev.sigil.spend.Ledger;
import dev.sigil.spend.Phases;
import dev.sigil.spend.Prices;
import dev.sigil.spend.Tally;

/**
 * The usage and cost of a session as its readers will count them: every entry the run writes is decoded as a
 * reader decodes it and folded by the readers' rules ({@link Ledger}), and so are the entries of earlier runs on a
 * resume. tokens.json's and metrics.json's usage figures come from here, so they equal what {@code sigil report}
 * finds in the same log. Not thread-safe: the pipeline's thread adds.
 */
final class SessionSums {

    /** Names kept per grouping in the summaries. */
    static final int MAX_KEYS = 1000;

    private final String sessionId;
    private final Ledger ledger;
    private final Groups byPhase = new Groups(MAX_KEYS, "(other phases)");
    private final Groups byOperation = new Groups(MAX_KEYS, "(other operations)");
    private final Groups byModel = new Groups(MAX_KEYS, "(other models)");
    private final Groups byComponent = new Groups(MAX_KEYS, "(other components)");

    SessionSums(String sessionId, Prices prices, EventTime undated) {
        this.sessionId = sessionId;
        this.ledger = new Ledger(prices, undated);
    }

    /** Folds one line (null, for a line readers cannot read, is left out as they leave it). */
    void add(LogEvent e) {
        if (e == null) {
            return;
        }
        Ledger.Line line = ledger.add(e, sessionId);
        byPhase.add(Phases.of(e), line);
        byOperation.add(Keys.operation(e), line);
        byModel.add(Keys.model(e), line);
        byComponent.add(Keys.component(e), line);
    }

    /** Every counted token and dollar. */
    Tally total() {
        return byModel.total();
    }

    List<Groups> groups() {
        return List.of(byPhase, byOperation, byModel, byComponent);
    }

    Groups byPhase() {
        return byPhase;
    }

    Groups byOperation() {
        return byOperation;
    }

    Groups byModel() {
        return byModel;
    }
}
