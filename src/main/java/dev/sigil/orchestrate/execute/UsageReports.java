package dev.sigil.orchestrate.execute;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import tools.jackson.databind.JsonNode;

/**
 * Where a command step reports its usage besides a structured answer: lines of its stdout that start with
 * {@value #MARK} followed by a JSON object (taken out of the output), and the file named by the environment variable
 * {@value #FILE_VARIABLE}, one JSON object per line (one per model call). The file wins over the marked lines. A
 * report that is not a JSON object is named in a warning and left out.
 */
final class UsageReports {

    static final String MARK = "SIGIL_USAGE ";
    static final String FILE_VARIABLE = "SIGIL_USAGE_FILE";
    /** Most bytes of the usage file read. */
    static final int MAX_FILE_BYTES = 1 << 20;

    private UsageReports() {
    }

    /**
     * @param output stdout without the marked lines
     * @param reports the usage objects found
     * @param warnings what was found and not used
     */
    record Found(String output, List<JsonNode> reports, List<String> warnings) {
    }

    static Found read(String stdout, Path file, PythonJsonReader reader) {
        List<String> warnings = new ArrayList<>();
        List<JsonNode> marked = new ArrayList<>();
        StringBuilder output = new StringBuilder(stdout.length());
        int from = 0;
        boolean any = false;
        while (from < stdout.length()) {
            int nl = stdout.indexOf('\n', from);
            int end = nl < 0 ? stdout.length() : nl + 1;
            String line = stdout.substring(from, end);
            if (line.startsWith(MARK)) {
                any = true;
                parse(line.substring(MARK.length()).strip(), "a " + MARK.strip() + " line", reader, marked, warnings);
            } else {
                output.append(line);
            }
            from = end;
        }
        List<JsonNode> inFile = fromFile(file, reader, warnings);
        return new Found(any ? output.toString() : stdout, inFile.isEmpty() ? marked : inFile, warnings);
    }

    private static List<JsonNode> fromFile(Path file, PythonJsonReader reader, List<String> warnings) {
        List<JsonNode> found = new ArrayList<>();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            return found; // removed by the command: nothing reported there
        }
        if (bytes.length > MAX_FILE_BYTES) {
            warnings.add(FILE_VARIABLE + " holds more than " + MAX_FILE_BYTES + " bytes: not read");
            return found;
        }
        int n = 0;
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            n++;
            if (!line.isBlank()) {
                parse(line.strip(), FILE_VARIABLE + " line " + n, reader, found, warnings);
            }
        }
        return found;
    }

    private static void parse(String text, String where, PythonJsonReader reader, List<JsonNode> into, List<String> warnings) {
        try {
            JsonNode node = reader.read(text);
            if (node.isObject()) {
                into.add(node);
                return;
            }
            warnings.add(where + " is not a JSON object: left out");
        } catch (JsonSyntaxException e) {
            warnings.add(where + " is not JSON (" + e.getMessage() + "): left out");
        }
    }
}
