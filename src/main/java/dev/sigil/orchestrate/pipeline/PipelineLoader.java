package dev.sigil.orchestrate.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.sigil.contract.ContractSchema;
import dev.sigil.contract.codec.StrictUtf8;
import dev.sigil.contract.model.Component;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.contract.validation.Violation;
import dev.sigil.text.Nearest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a pipeline file (YAML, or JSON, which is YAML too), checks it against {@code contract/pipeline.schema.json}
 * and then for what a schema cannot say (unique ids, dependencies on earlier steps).
 */
public final class PipelineLoader {

    /** Resource path of the pipeline schema inside the jar. */
    public static final String SCHEMA = "contract/pipeline.schema.json";

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final int DEFAULT_RETRIES = 3;
    static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);

    private final JsonNode schemaNode = ContractSchema.bundled(SCHEMA);
    private final SchemaValidator schema = SchemaValidator.of(schemaNode);

    /**
     * Loads and checks {@code file}.
     *
     * @throws PipelineFileException naming the file and what is wrong
     */
    public PipelineDefinition load(Path file) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            String notText = StrictUtf8.problem(bytes);
            if (notText != null) {
                throw new PipelineFileException(file + ": " + notText);
            }
            text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PipelineFileException(file + ": no such file");
        } catch (IOException e) {
            throw new PipelineFileException(file + ": cannot read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = YAMLMapper.builder().build().readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new PipelineFileException(file + where + ": not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new PipelineFileException(file + ": empty pipeline file");
        }
        List<Violation> violations = schema.validate(root);
        if (!violations.isEmpty()) {
            Violation v = violations.get(0);
            throw new PipelineFileException(file + ": " + explain(root, v, strings(schemaNode.at("/definitions/step/properties/component/enum"))) + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        }
        Path base = file.toAbsolutePath().getParent();
        return definition(file, root, base);
    }

    private static PipelineDefinition definition(Path file, JsonNode root, Path base) {
        JsonNode defaults = root.path("defaults");
        Duration defaultTimeout = defaults.has("timeout") ? duration(defaults.get("timeout").stringValue()) : DEFAULT_TIMEOUT;
        int defaultRetries = defaults.has("retries") ? defaults.get("retries").intValue() : DEFAULT_RETRIES;
        Duration defaultDelay = defaults.has("retry_delay") ? duration(defaults.get("retry_delay").stringValue()) : DEFAULT_RETRY_DELAY;
        Map<String, String> defaultEnv = stringMap(defaults.path("environment"));
        List<StepDefinition> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode list = root.get("steps");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String id = s.get("id").stringValue();
            if (!seen.add(id)) {
                throw new PipelineFileException(file + ": /steps/" + i + "/id: step id '" + id + "' is used twice");
            }
            List<String> deps = new ArrayList<>();
            JsonNode dependsOn = s.path("depends_on");
            for (int d = 0; d < dependsOn.size(); d++) {
                String dep = dependsOn.get(d).stringValue();
                if (!seen.contains(dep) || dep.equals(id)) {
                    throw new PipelineFileException(file + ": /steps/" + i + "/depends_on/" + d + ": '" + dep
                            + "' is not an earlier step (steps run in file order)");
                }
                deps.add(dep);
            }
            List<String> command = new ArrayList<>();
            s.path("command").forEach(c -> command.add(c.stringValue()));
            Map<String, String> env = new LinkedHashMap<>(defaultEnv);
            env.putAll(stringMap(s.path("environment")));
            steps.add(new StepDefinition(id, Component.fromWire(s.get("component").stringValue()).orElseThrow(),
                    s.has("operation") ? s.get("operation").stringValue() : id,
                    s.has("description") ? s.get("description").stringValue() : "", deps, command,
                    s.has("timeout") ? duration(s.get("timeout").stringValue()) : defaultTimeout,
                    s.has("retries") ? s.get("retries").intValue() : defaultRetries,
                    s.has("retry_delay") ? duration(s.get("retry_delay").stringValue()) : defaultDelay, env, strings(s.path("tools"))));
        }
        String name = root.has("name") ? root.get("name").stringValue() : file.getFileName().toString();
        return new PipelineDefinition(name, root.has("description") ? root.get("description").stringValue() : "", steps, base);
    }

    /**
     * The schema's words for the two mistakes its rules express indirectly: a step's executor (a {@code oneOf}) and
     * a duration (a regular expression).
     */
    private static String explain(JsonNode root, Violation v, List<String> components) {
        if (v.keyword().equals("oneOf") && v.pointer().matches("/steps/\\d+")) {
            JsonNode step = root.at(v.pointer());
            if (step.has("command") && step.has("builtin")) {
                return v.pointer() + ": a step has either command or builtin: true, not both";
            }
            if (!step.has("command") && !step.path("builtin").asBoolean(false)) {
                return v.pointer() + ": a step needs command (the program to run) or builtin: true";
            }
        }
        if (v.keyword().equals("enum") && v.pointer().matches("/steps/\\d+/component") && root.at(v.pointer()).isString()) {
            String typed = root.at(v.pointer()).stringValue();
            return v.pointer() + ": no step component is called '" + typed + "' (known: " + String.join(", ", components) + ")"
                    + Nearest.didYouMean(typed, components);
        }
        if (v.keyword().equals("pattern") && v.pointer().matches(".*/(timeout|retry_delay)")) {
            return v.pointer() + ": '" + root.at(v.pointer()).asString("") + "' is not a duration (a number and ms, s or m: 500ms, 30s, 2m)";
        }
        return v.describe();
    }

    /** "500ms", "30s", "2m", "1.5s" (the schema has checked the form). */
    static Duration duration(String text) {
        String unit = text.endsWith("ms") ? "ms" : text.substring(text.length() - 1);
        double value = Double.parseDouble(text.substring(0, text.length() - unit.length()));
        double millis = switch (unit) {
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.stringValue()));
        return out;
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().stringValue()));
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
