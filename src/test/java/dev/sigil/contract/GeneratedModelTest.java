package dev.sigil.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.ExecutionEntry;
import dev.sigil.contract.model.Metadata;
import tools.jackson.databind.JsonNode;

/** The generated model is exactly the schema: change the schema and the records change with it. */
class GeneratedModelTest {

    private final JsonNode schema = ContractSchema.executionEntry();

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.stringValue()));
        return out;
    }

    @Test
    void recordComponentsAreTheSchemaPropertiesInOrder() {
        List<String> components = Arrays.stream(ExecutionEntry.class.getRecordComponents()).map(RecordComponent::getName).map(GeneratedModelTest::snake).toList();
        assertThat(components).containsExactlyElementsOf(names(schema.get("properties")));
        assertThat(ExecutionEntry.PROPERTY_NAMES).containsExactlyElementsOf(names(schema.get("properties")));
        assertThat(ExecutionEntry.REQUIRED).containsExactlyElementsOf(strings(schema.get("required")));
    }

    @Test
    void enumsAreTheSchemaEnums() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::wireName).toList())
                .containsExactlyElementsOf(strings(schema.at("/properties/event_type/enum")));
        assertThat(Arrays.stream(Component.values()).map(Component::wireName).toList())
                .containsExactlyElementsOf(strings(schema.at("/properties/component/enum")));
    }

    @Test
    void metadataTypesExactlyTheSchemaKeys() {
        // A key whose value is an object of its own (metadata.alert) is kept as JSON, without a typed accessor.
        List<String> objects = new java.util.ArrayList<>();
        schema.at("/properties/metadata/properties").properties().forEach(p -> {
            if (p.getValue().path("type").isString() && "object".equals(p.getValue().path("type").stringValue())) {
                objects.add(p.getKey());
            }
        });
        assertThat(objects).containsExactly("alert");
        List<String> typed = new java.util.ArrayList<>(names(schema.at("/properties/metadata/properties")));
        typed.removeAll(objects);
        assertThat(Metadata.KNOWN_PROPERTIES).containsExactlyElementsOf(typed);
        for (String key : Metadata.KNOWN_PROPERTIES) {
            String accessor = java.util.Arrays.stream(key.split("_")).map(p -> p.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + p.substring(1))
                    .reduce("", String::concat);
            accessor = Character.toLowerCase(accessor.charAt(0)) + accessor.substring(1);
            String name = accessor;
            assertThat(Arrays.stream(Metadata.class.getMethods()).anyMatch(m -> m.getName().equals(name) && m.getParameterCount() == 0))
                    .as("typed accessor %s() for metadata key %s", name, key).isTrue();
        }
    }

    @Test
    void metadataKeepsUnknownKeysInOrderThroughARoundTrip() {
        Metadata m = Metadata.builder().put("zeta", "z").latencyMs(12.5).put("alpha", 1L).budget(256000).build();
        assertThat(m.asMap().keySet()).containsExactly("zeta", "latency_ms", "alpha", "budget");
        Metadata back = Metadata.fromJsonNode(m.toJsonNode());
        assertThat(back).isEqualTo(m);
        assertThat(back.latencyMs()).hasValue(12.5);
        assertThat(back.budget()).hasValue(256000);
        assertThat(back.error()).isEmpty();
    }
}
