package dev.sigil.monitor.state;

/**
 * What one component did, with the documented monitor's semantics (seed 001 §4.3 {@code ComponentMetrics}): only
 * {@code step_complete} and {@code step_error} lines count here.
 *
 * @param name the component as written in the log
 * @param tokens tokens of its step lines
 * @param operations number of its step lines
 * @param totalLatencyMs sum of their {@code latency_ms}, added in log order as Python adds floats
 * @param errors number of its {@code step_error} lines
 * @param lastMessage message of its latest step line (cut)
 * @param lastUpdate timestamp of its latest step line
 */
public record ComponentStats(String name, long tokens, long operations, double totalLatencyMs, long errors,
                             String lastMessage, String lastUpdate) {

    static ComponentStats named(String name) {
        return new ComponentStats(name, 0, 0, 0.0, 0, "", "");
    }

    /** Average latency per operation, 0 with no operation (as the documented {@code avg_latency_ms}). */
    public double avgLatencyMs() {
        return operations == 0 ? 0.0 : totalLatencyMs / operations;
    }
}
