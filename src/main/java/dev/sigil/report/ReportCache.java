package dev.sigil.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.log.SafeDirectory;
import dev.sigil.spend.Tally;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The totals of one session's files kept beside them ({@code report.cache.json}, docs/report.md §3): the
 * {@link UnitTotals} and what they were made from, the files' {@link LogIdentity}s, the zone of naive times and the
 * prices in effect. A cache whose key differs, or that cannot be read, is rebuilt; one that cannot be written (a log
 * directory the user cannot write, or not the user's: ADR 0080) is not written, and the logs are read each time.
 * One JSON object: {@code {"version": 1, "key": {...}, "lines": N, ..., "cells": [[hour, model, ...], ...]}}.
 */
final class ReportCache {

    static final int VERSION = 1;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final PythonJsonWriter WRITER = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

    private ReportCache() {
    }

    /**
     * What the totals of {@code files} depend on.
     *
     * @param prices what the prices in effect are made of (their files' identities, sigil's version)
     */
    static Optional<JsonNode> key(List<Path> files, String zone, String prices) {
        ObjectNode key = NODES.objectNode();
        key.put("zone", zone);
        key.put("prices", prices);
        ArrayNode ids = key.putArray("files");
        for (Path f : files) {
            Optional<LogIdentity> id = LogIdentity.of(f);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            ids.add(NODES.arrayNode().add(id.get().name()).add(id.get().key()).add(id.get().size()).add(id.get().tail()));
        }
        return Optional.of(key);
    }

    /** The totals kept in {@code file} for {@code key}; empty when there are none, or they are of other bytes. */
    static Optional<UnitTotals> read(Path file, JsonNode key) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            JsonNode root = new PythonJsonReader().read(Files.readAllBytes(file));
            if (root.path("version").asInt(0) != VERSION || !root.has("key") || !WRITER.encodeToString(key).equals(WRITER.encodeToString(root.get("key")))) {
                return Optional.empty();
            }
            Map<Cell, Tally> cells = new LinkedHashMap<>();
            for (JsonNode c : root.path("cells")) {
                cells.put(new Cell(c.get(0).isNull() ? null : LocalDateTime.parse(c.get(0).asString()), c.get(1).asString(),
                        c.get(2).asString(), c.get(3).asString(), c.get(4).asString(), c.get(5).asString()), tally(c));
            }
            return Optional.of(new UnitTotals(cells, root.path("lines").asLong(), root.path("skipped").asLong(), 0,
                    root.path("restatements").asLong()));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // rebuilt from the logs
        }
    }

    /** Keeps {@code totals} for {@code key} in {@code file}; false when it could not be written (then it is not kept). */
    static boolean write(Path file, JsonNode key, UnitTotals totals) {
        ObjectNode root = NODES.objectNode();
        root.put("version", VERSION);
        root.set("key", key);
        root.put("lines", totals.lines());
        root.put("skipped", totals.skipped());
        root.put("restatements", totals.restatements());
        ArrayNode cells = root.putArray("cells");
        totals.cells().forEach((c, t) -> {
            ArrayNode a = cells.addArray();
            if (c.hour() == null) {
                a.addNull();
            } else {
                a.add(c.hour().toString());
            }
            a.add(c.model()).add(c.component()).add(c.operation()).add(c.phase()).add(c.session());
            a.add(t.inputTokens()).add(t.outputTokens()).add(t.cacheReadTokens()).add(t.cacheWriteTokens()).add(t.cacheWrite1hTokens())
                    .add(t.reasoningTokens()).add(t.totalTokens()).add(t.events()).add(t.noDollars() ? "0" : t.usd().toPlainString()).add(t.pricedEvents())
                    .add(t.unpricedTokens());
        });
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isWritable(dir)) {
            return false;
        }
        // through the log tree's safety rules (ADR 0080): the directory checked, the file replaced, never a link followed
        try (SafeDirectory safe = SafeDirectory.existingRoot(dir)) {
            byte[] bytes = (WRITER.encodeToString(root) + "\n").getBytes(StandardCharsets.UTF_8);
            safe.replace(file.getFileName().toString(), bytes, false);
            return true;
        } catch (IOException | RuntimeException notWritable) {
            return false;
        }
    }

    private static Tally tally(JsonNode c) {
        List<Long> n = new ArrayList<>();
        for (int i = 6; i < 14; i++) {
            n.add(c.get(i).asLong());
        }
        return new Tally(n.get(0), n.get(1), n.get(2), n.get(3), n.get(4), n.get(5), n.get(6), n.get(7),
                usd(c.get(14).asString()), c.get(15).asLong(), c.get(16).asLong());
    }

    /** The dollars as written: 0 without a BigDecimal (a session without prices; ADR 0271). */
    private static BigDecimal usd(String written) {
        return written.equals("0") ? null : new BigDecimal(written);
    }
}
