package dev.sigil.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Catalogs for tests: the snapshot's own units and source, with providers written by the test. */
final class TestCatalogs {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private TestCatalogs() {
    }

    /** A catalog of {@code providers}, a JSON array in the resource's form (single quotes stand for double ones). */
    static PriceCatalog of(String providers) {
        ObjectNode root = (ObjectNode) MAPPER.readTree(bundled());
        root.set("providers", MAPPER.readTree(providers.replace('\'', '"')));
        return PriceDataJson.read(MAPPER.writeValueAsBytes(root));
    }

    static byte[] bundled() {
        try (InputStream in = TestCatalogs.class.getClassLoader().getResourceAsStream(PriceDataJson.RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree() {
        return MAPPER.readTree(bundled());
    }
}
