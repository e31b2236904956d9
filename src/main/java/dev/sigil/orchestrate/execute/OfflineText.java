package dev.sigil.orchestrate.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic, plausible text for the built-in offline executor: the prompt a real pipeline would send for a
 * step and an answer shaped like the real one (a routing decision, a JSON plan, retrieved memories, reasoning,
 * a contract check, extracted facts). The same task, seed, step and attempt always give the same text. Pure.
 */
final class OfflineText {

    static final List<String> INTENTS = List.of("execute_task", "simple_query", "create_agent", "modify_agent");
    static final List<String> STRATEGIES = List.of("direct", "chain_of_thought", "tree_of_thoughts", "react");
    private static final List<String> VERBS = List.of("assess", "compare", "summarize", "verify", "draft", "rank", "research",
            "outline", "estimate", "review");
    private static final List<String> NOUNS = List.of("context", "requirements", "risks", "budget", "timeline", "stakeholders",
            "evidence", "options", "constraints", "recommendation", "sources", "metrics");
    private static final List<String> CONNECTIVES = List.of("Therefore", "However", "In addition", "As a result", "Meanwhile",
            "On balance", "Notably", "Given this");
    private static final List<String> TOOLS = List.of("websearch", "crm_lookup", "calculator", "document_reader");

    private final long seed;

    OfflineText(long seed) {
        this.seed = seed;
    }

    /** A random source for one step try, fixed by seed, task, step and attempt. */
    SplittableRandom random(String task, String stepId, int attempt) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = 31 * h + task.hashCode();
        h = 31 * h + stepId.hashCode();
        h = 31 * h + attempt;
        return new SplittableRandom(h);
    }

    /** The prompt of a step: its {@link #context} and then what this step is asked ({@link #ask}). */
    String prompt(StepRequest request) {
        return context(request) + ask(request);
    }

    /**
     * The part of a step's prompt that other calls of the same component repeat, stable parts first as a pipeline
     * that uses a prompt cache writes them: the component's instructions, the task, the inputs (shortened).
     */
    String context(StepRequest request) {
        StringBuilder p = new StringBuilder();
        p.append(instructions(request.step().component().wireName(), request.step().operation())).append("\n\nTask: ").append(request.task());
        for (Map.Entry<String, String> input : request.inputs().entrySet()) {
            String text = input.getValue();
            p.append("\n\nResult of ").append(input.getKey()).append(":\n").append(text.length() > 1200 ? text.substring(0, 1200) + " [...]" : text);
        }
        return p.toString();
    }

    /** What only this step asks: a plan step's strategy, and any feedback of a failed contract check. */
    String ask(StepRequest request) {
        StringBuilder p = new StringBuilder();
        if (request.step().component().wireName().equals("reasoning")) {
            p.append("\n\nThis step (").append(request.step().operation()).append("): ").append(request.step().description());
        }
        if (!request.feedback().isEmpty()) {
            p.append("\n\nFix the following before answering:\n").append(request.feedback());
        }
        return p.toString();
    }

    private static String instructions(String component, String operation) {
        return switch (component) {
            case "routing" -> "Classify this request into one of: create_agent, execute_task, simple_query, modify_agent. "
                    + "Rate its complexity from 0.0 to 1.0 and choose a reasoning strategy. Answer as JSON.";
            case "planning" -> "Create a step-by-step execution plan for the goal. For each step give name, description, "
                    + "complexity (simple|moderate|complex|critical), strategy, dependencies and tools. Return a JSON object.";
            case "memory" -> operation.contains("extract")
                    ? "Extract key facts from this execution. For each fact give content, type (fact|preference|event|skill|pattern) and confidence."
                    : "Select the most relevant memories for this task and summarise each in one line.";
            case "contracts" -> "Check the output against the contract's deliverables and list any that are missing.";
            case "validation" -> "Verify the final output for accuracy and completeness and give a quality score between 0 and 1.";
            default -> "Work on a step of the plan. Think it through and give your result.";
        };
    }

    /** A routing decision. */
    record Route(String intent, double complexity, String handler, String strategy) {
        String json() {
            return String.format(Locale.ROOT, "{\"intent\": \"%s\", \"complexity\": %.2f, \"handler\": \"%s\", \"strategy\": \"%s\"}",
                    intent, complexity, handler, strategy);
        }
    }

    /** Routing decision: intent, complexity, strategy. */
    Route routing(SplittableRandom r) {
        double complexity = Math.round(r.nextDouble(0.15, 0.95) * 100) / 100.0;
        String strategy = complexity < 0.35 ? "direct" : complexity < 0.6 ? "chain_of_thought" : "tree_of_thoughts";
        return new Route(INTENTS.get(r.nextInt(2)), complexity, strategy.equals("direct") ? "executor_simple" : "executor_rai", strategy);
    }

    /** The plan's steps: 3 to 6, each with a strategy, dependencies on earlier steps and maybe a tool. */
    List<PlannedStep> plan(String task, SplittableRandom r) {
        int n = 3 + r.nextInt(4);
        List<PlannedStep> steps = new ArrayList<>();
        List<String> used = new ArrayList<>();
        String subject = subject(task);
        for (int i = 0; i < n; i++) {
            String name;
            do {
                name = VERBS.get(r.nextInt(VERBS.size())) + "_" + NOUNS.get(r.nextInt(NOUNS.size()));
            } while (used.contains(name));
            used.add(name);
            String strategy = i == n - 1 ? "direct" : STRATEGIES.get(r.nextInt(STRATEGIES.size()));
            List<String> deps = i == 0 ? List.of() : List.of(used.get(r.nextInt(i)));
            String tool = r.nextInt(3) == 0 ? TOOLS.get(r.nextInt(TOOLS.size())) : "";
            steps.add(new PlannedStep(name, words(name) + " for " + subject, strategy, deps, tool));
        }
        return steps;
    }

    /** A plan as JSON text, the planning step's output. */
    static String planJson(List<PlannedStep> steps) {
        StringBuilder s = new StringBuilder("{\"steps\": [");
        for (int i = 0; i < steps.size(); i++) {
            PlannedStep p = steps.get(i);
            s.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(p.name()).append("\", \"description\": \"").append(p.description())
                    .append("\", \"strategy\": \"").append(p.strategy()).append("\", \"depends_on\": ").append(p.dependsOn().isEmpty() ? "[]"
                    : "[\"" + String.join("\", \"", p.dependsOn()) + "\"]").append(", \"tools\": ").append(p.tool().isEmpty() ? "[]"
                    : "[\"" + p.tool() + "\"]").append('}');
        }
        return s.append("]}").toString();
    }

    /** Retrieved memories: a few one-line items. */
    String memories(String task, SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        int n = 5 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            s.append("- [").append(List.of("fact", "preference", "event", "pattern").get(r.nextInt(4))).append(", relevance ")
                    .append(String.format(Locale.ROOT, "%.2f", r.nextDouble(0.5, 0.99))).append("] ").append(sentence(task, r)).append('\n');
        }
        return s.toString();
    }

    /** Reasoning prose: a few paragraphs about the task, longer for harder strategies. */
    String reasoning(String task, String strategy, SplittableRandom r) {
        int paragraphs = switch (strategy) {
            case "tree_of_thoughts" -> 7 + r.nextInt(4);
            case "chain_of_thought", "react" -> 5 + r.nextInt(3);
            default -> 2 + r.nextInt(3);
        };
        StringBuilder s = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            int sentences = 3 + r.nextInt(4);
            for (int i = 0; i < sentences; i++) {
                s.append(i == 0 ? "" : " ").append(i > 0 && r.nextInt(3) == 0 ? CONNECTIVES.get(r.nextInt(CONNECTIVES.size())) + ", " : "")
                        .append(sentence(task, r));
            }
            s.append("\n\n");
        }
        return s.toString().strip();
    }

    /** A contract check: pass, or the deliverables that are missing. */
    String contractCheck(boolean pass, SplittableRandom r) {
        return pass ? "All 4 deliverables present: summary, evidence, risks, recommendation. PASS"
                : "Missing deliverable: " + List.of("risks", "evidence", "recommendation").get(r.nextInt(3)) + ". FAIL";
    }

    /** Extracted facts as a JSON array. */
    String facts(String task, SplittableRandom r) {
        StringBuilder s = new StringBuilder("[");
        int n = 2 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ", ").append("{\"content\": \"").append(sentence(task, r).replace("\"", "'")).append("\", \"type\": \"")
                    .append(List.of("fact", "preference", "event", "skill", "pattern").get(r.nextInt(5))).append("\", \"confidence\": ")
                    .append(String.format(Locale.ROOT, "%.2f", r.nextDouble(0.6, 0.99))).append('}');
        }
        return s.append(']').toString();
    }

    private static String sentence(String task, SplittableRandom r) {
        String subject = subject(task);
        String verb = VERBS.get(r.nextInt(VERBS.size()));
        String noun = NOUNS.get(r.nextInt(NOUNS.size()));
        String other = NOUNS.get(r.nextInt(NOUNS.size()));
        return switch (r.nextInt(4)) {
            case 0 -> "The " + noun + " of " + subject + " suggest we should " + verb + " the " + other + " first.";
            case 1 -> "To " + verb + " " + subject + ", the " + noun + " and the " + other + " must be weighed together.";
            case 2 -> "Evidence on " + noun + " points to a " + (r.nextBoolean() ? "strong" : "moderate") + " case for " + subject + ".";
            default -> "We " + verb + " the " + noun + " against " + (5 + r.nextInt(90)) + " data points related to " + subject + ".";
        };
    }

    /** A short subject phrase from the task: its first few words. */
    static String subject(String task) {
        String[] words = task.strip().split("\\s+");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(6, words.length); i++) {
            s.append(i == 0 ? "" : " ").append(words[i].replaceAll("[\"\\\\]", ""));
        }
        return s.length() == 0 ? "the task" : s.toString();
    }

    private static String words(String snake) {
        String w = snake.replace('_', ' ');
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** One step of an offline plan. */
    record PlannedStep(String name, String description, String strategy, List<String> dependsOn, String tool) {
    }
}
