package dev.sigil.spend;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.model.Component;

/**
 * The phases of a run (seed 002's eight, with seed 001's output verification): the names {@code sigil orchestrate}
 * writes in {@code metadata.phase}, and the phase a reader gives a line that names none, from its component and
 * operation. One table for both.
 */
public final class Phases {

    public static final String INITIALIZATION = "initialization";
    public static final String ROUTING = "routing";
    public static final String PLANNING = "planning";
    public static final String MEMORY_RETRIEVAL = "memory_retrieval";
    public static final String PLAN_EXECUTION = "plan_execution";
    public static final String CONTRACT_VALIDATION = "contract_validation";
    public static final String OUTPUT_VERIFICATION = "output_verification";
    public static final String MEMORY_EXTRACTION = "memory_extraction";
    public static final String COMPLETION = "completion";
    /** The phase of a line whose component says nothing of one. */
    public static final String UNKNOWN = "(unknown phase)";

    private Phases() {
    }

    /** The phase of a step of {@code component} doing {@code operation}. */
    public static String of(Component component, String operation) {
        if (component == null) {
            return UNKNOWN;
        }
        return switch (component) {
            case ROUTING -> ROUTING;
            case PLANNING -> PLANNING;
            case MEMORY -> operation.contains("extract") ? MEMORY_EXTRACTION : MEMORY_RETRIEVAL;
            case REASONING -> PLAN_EXECUTION;
            case CONTRACTS -> CONTRACT_VALIDATION;
            case VALIDATION -> OUTPUT_VERIFICATION;
            case ORCHESTRATOR -> INITIALIZATION;
        };
    }

    /** The phase a line states, else the one of its component and operation; a run's end is its completion. */
    public static String of(LogEvent e) {
        String stated = e.attribution().phase();
        if (!stated.isEmpty()) {
            return CallTree.cut(stated);
        }
        if (e.contractComponent() == Component.ORCHESTRATOR
                && (e.eventType().equals("session_complete") || e.eventType().equals("session_error"))) {
            return COMPLETION;
        }
        return of(e.contractComponent(), Keys.operation(e));
    }
}
