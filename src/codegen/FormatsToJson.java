import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes each built-in format definition (contract/formats/NAME.yaml, the text people read and copy) as compact JSON
 * (NAME.json) into the jar's classes, so that sigil reads its built-in formats with the JSON parser it loads anyway,
 * without starting a YAML parser (ADR 0113; docs/benchmarks.md, "Formats"). Same tree, duplicate keys refused.
 *
 *   java -cp CLASSPATH src/codegen/FormatsToJson.java IN_DIR OUT_DIR
 */
public final class FormatsToJson {

    private FormatsToJson() {
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        YAMLMapper yaml = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        JsonMapper json = JsonMapper.builder().build();
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(in, "*.yaml")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                JsonNode tree = yaml.readTree(Files.readAllBytes(f));
                Path target = out.resolve(name.substring(0, name.length() - ".yaml".length()) + ".json");
                byte[] bytes = json.writeValueAsBytes(tree);
                if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                    Files.write(target, bytes);
                }
                n++;
            }
        }
        System.out.println("built-in formats: " + n + " definitions as JSON in " + out);
    }
}
