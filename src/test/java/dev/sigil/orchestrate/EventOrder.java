package dev.sigil.orchestrate;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The legal order of a session's events, written from docs/orchestrate.md ("Events") as a checker: a log is one or
 * more runs (a resume appends a run), each opened by {@code session_start} and closed by exactly one
 * {@code session_complete} or {@code session_error}, its last line. Inside a run a step's try opens with
 * {@code step_start} and closes with its {@code step_complete}, {@code step_error} or transient
 * {@code retry_attempt}; {@code reasoning_step} lines belong to the open try; no try opens while another is open;
 * only an interruption ends a run with a try open. Tokens are on {@code step_complete} lines only, and each run's
 * closing line restates the sum of tokens of the whole log so far with {@code tokens: 0}.
 */
public final class EventOrder {

    private EventOrder() {
    }

    /** The rules broken by {@code entries} (one finding per rule broken, with its line number); empty if none. */
    public static List<String> check(List<JsonNode> entries) {
        List<String> out = new ArrayList<>();
        if (entries.isEmpty()) {
            out.add("the log is empty");
            return out;
        }
        String open = null;
        boolean inRun = false;
        boolean exceeded = false;
        long total = 0;
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            int line = i + 1;
            String type = e.get("event_type").stringValue();
            String step = e.path("metadata").path("step").asString("");
            long tokens = e.get("tokens").longValue();
            total += tokens;
            if (tokens != 0 && !type.equals("step_complete")) {
                out.add(line + ": " + type + " carries " + tokens + " tokens (only step_complete may)");
            }
            if (!inRun && !type.equals("session_start")) {
                out.add(line + ": " + type + " outside a run (a run starts with session_start)");
                continue;
            }
            switch (type) {
                case "session_start" -> {
                    if (inRun) {
                        out.add(line + ": session_start inside a run that has not ended");
                    }
                    inRun = true;
                    open = null;
                    exceeded = false;
                }
                case "step_start" -> {
                    if (open != null) {
                        out.add(line + ": step_start of " + step + " while " + open + " is open");
                    }
                    open = step;
                }
                case "reasoning_step" -> {
                    if (!step.equals(open)) {
                        out.add(line + ": reasoning_step of " + step + " outside its try (open: " + open + ")");
                    }
                }
                case "step_complete", "step_error" -> {
                    if (!step.equals(open)) {
                        out.add(line + ": " + type + " of " + step + " without its step_start (open: " + open + ")");
                    }
                    open = null;
                }
                case "retry_attempt" -> {
                    boolean transientRetry = "transient".equals(e.path("metadata").path("category").asString(""));
                    if (transientRetry && !step.equals(open)) {
                        out.add(line + ": retry_attempt of " + step + " outside its try (open: " + open + ")");
                    } else if (!transientRetry && open != null) {
                        out.add(line + ": a contract retry while " + open + " is open");
                    }
                    open = null;
                }
                case "budget_exceeded" -> {
                    if (exceeded) {
                        out.add(line + ": budget_exceeded a second time in one run");
                    }
                    exceeded = true;
                }
                case "session_complete", "session_error" -> {
                    boolean interrupted = "KeyboardInterrupt".equals(e.path("metadata").path("error_type").asString(""));
                    if (open != null && !interrupted) {
                        out.add(line + ": " + type + " while " + open + " is open");
                    }
                    long restated = e.path("metadata").path("total_tokens").asLong(-1);
                    if (restated != total) {
                        out.add(line + ": " + type + " restates " + restated + " tokens, the log so far has " + total);
                    }
                    if (type.equals("session_error") && "BudgetExhaustedError".equals(e.path("metadata").path("error_type").asString(""))
                            && !exceeded) {
                        out.add(line + ": BudgetExhaustedError without budget_exceeded before it");
                    }
                    inRun = false;
                    open = null;
                }
                default -> {
                    // budget_warning, error, ...: anywhere inside a run
                }
            }
        }
        if (inRun) {
            out.add("the last run never ended (no session_complete or session_error)");
        }
        return out;
    }
}
