package dev.sigil.spend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tallies by name, in order of first appearance, at most {@code maxKeys} names (further names count under
 * {@code other}): one grouping of {@code sigil report}, or one of {@code tokens.json}'s {@code by_*} maps. Not
 * thread-safe.
 */
public final class Groups {

    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final int maxKeys;
    private final String other;
    private Tally total = Tally.ZERO;

    public Groups(int maxKeys, String other) {
        this.maxKeys = maxKeys;
        this.other = other;
    }

    /** Counts a line of {@code key}. */
    public void add(String key, Ledger.Line line) {
        if (line.counted() <= 0) {
            return;
        }
        String k = tallies.containsKey(key) || tallies.size() < maxKeys - 1 ? key : other;
        tallies.put(k, tallies.getOrDefault(k, Tally.ZERO).plus(line.event().usage(), line.counted(), line.price()));
        total = total.plus(line.event().usage(), line.counted(), line.price());
    }

    /** Counts a tally of lines of {@code key} (a report's cells). */
    public void add(String key, Tally t) {
        if (t.events() <= 0) {
            return;
        }
        String k = tallies.containsKey(key) || tallies.size() < maxKeys - 1 ? key : other;
        tallies.merge(k, t, Tally::plus);
        total = total.plus(t);
    }

    /** Every name's tally, in order of first appearance. */
    public Map<String, Tally> tallies() {
        return Collections.unmodifiableMap(tallies);
    }

    /** Every line counted, whatever its name. */
    public Tally total() {
        return total;
    }

    /** The names by cost (then tokens, then name), most first: what {@code --top} keeps. */
    public List<Map.Entry<String, Tally>> byCost() {
        List<Map.Entry<String, Tally>> out = new ArrayList<>(tallies.entrySet());
        // one comparator of its own: Comparator's combinators spin classes at run time that no AOT cache holds (ADR 0271)
        out.sort((a, b) -> {
            int c = Tally.compareUsd(b.getValue(), a.getValue());
            if (c == 0) {
                c = Long.compare(b.getValue().totalTokens(), a.getValue().totalTokens());
            }
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
        return out;
    }
}
