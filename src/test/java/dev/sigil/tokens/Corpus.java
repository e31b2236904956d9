package dev.sigil.tokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.sigil.contract.codec.PythonJsonReader;
import tools.jackson.databind.JsonNode;

/** The token-counting corpus and the reference counts tiktoken gave for it (test resources of this package). */
final class Corpus {

    /** A named text. */
    record Text(String name, String text) {
    }

    /** What tiktoken answered for one text in one encoding. */
    record Reference(String name, TokenEncoding encoding, String text, List<Integer> tokens) {
    }

    static final String CORPUS = "corpus.jsonl";
    static final String REFERENCE = "tiktoken-reference.jsonl";
    /** The encodings the committed reference covers. */
    static final List<TokenEncoding> REFERENCE_ENCODINGS = List.of(TokenEncoding.CL100K_BASE, TokenEncoding.O200K_BASE);

    private Corpus() {
    }

    static List<Text> texts() throws IOException {
        List<Text> texts = new ArrayList<>();
        lines(CORPUS, n -> texts.add(new Text(n.get("name").stringValue(), n.get("text").stringValue())));
        return texts;
    }

    static List<Reference> references() throws IOException {
        List<Reference> refs = new ArrayList<>();
        lines(REFERENCE, n -> {
            List<Integer> ids = new ArrayList<>();
            n.get("tokens").forEach(id -> ids.add(id.intValue()));
            refs.add(new Reference(n.get("name").stringValue(),
                    TokenEncoding.fromName(n.get("encoding").stringValue()).orElseThrow(), n.get("text").stringValue(), ids));
        });
        return refs;
    }

    private static void lines(String resource, Consumer<JsonNode> each) throws IOException {
        PythonJsonReader reader = new PythonJsonReader();
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    each.accept(reader.read(line));
                }
            }
        }
    }
}
