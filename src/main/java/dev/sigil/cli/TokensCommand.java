package dev.sigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.codec.StrictUtf8;
import dev.sigil.text.TerminalText;
import dev.sigil.tokens.ChatMessage;
import dev.sigil.tokens.ChatMessages;
import dev.sigil.tokens.CountJson;
import dev.sigil.tokens.MessageCount;
import dev.sigil.tokens.TextCount;
import dev.sigil.tokens.TokenCounter;
import dev.sigil.tokens.TokenEncoding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code sigil tokens}: counts tokens as tiktoken does. */
@Command(name = "tokens",
        description = {
            "Count tokens exactly as tiktoken does, in a text or a chat conversation.",
            "",
            "TEXT arguments are the text (several are joined with single spaces);",
            "--file reads a file instead. With neither, or with '-' alone, standard",
            "input is read. Files and standard input are counted byte for byte, a",
            "final newline included, and must be UTF-8. Special tokens such as",
            "<|endoftext|> are counted as the ordinary text they are."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:counted", "2:bad arguments, an unreadable file, text that is not UTF-8, or messages that are not valid"})
final class TokensCommand implements Callable<Integer> {

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "The text to count; '-' alone reads standard input.")
    List<String> text = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "PATH", description = "Count the content of PATH instead ('-' is standard input). Repeat to count several files.")
    List<String> files = new ArrayList<>();

    @Option(names = {"-e", "--encoding"}, paramLabel = "NAME", description = "cl100k_base (the default; GPT-4, GPT-3.5), o200k_base (GPT-4o and later), p50k_base, p50k_edit or r50k_base.")
    String encoding = TokenEncoding.DEFAULT.tiktokenName();

    @Option(names = "--messages", description = "The input is a JSON array of {\"role\", \"content\"} objects: count each content plus 4 tokens per message and 3 per conversation.")
    boolean messages;

    @Option(names = "--json", description = "Print one JSON object per input: source, encoding, characters, bytes and tokens; with --messages, each message's tokens and the overheads.")
    boolean json;

    private record Input(String source, String text) {
    }

    @Override
    public Integer call() throws IOException {
        TokenEncoding enc = TokenEncoding.fromName(encoding).orElseThrow(() ->
                UserError.usage("--encoding " + encoding + ": unknown encoding; use one of " + TokenEncoding.names()));
        if (!text.isEmpty() && !files.isEmpty()) {
            throw UserError.usage("give the text as arguments or with --file, not both");
        }
        List<Input> inputs = inputs();
        // the input's size is known: a short one is counted without building jtokkit's table (ADR 0265)
        TokenCounter counter = TokenCounter.forInput(enc, inputs.stream().mapToLong(i -> i.text().length()).sum());
        PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);
        PrintWriter out = spec.commandLine().getOut();
        long total = 0;
        for (Input input : inputs) {
            long tokens;
            if (messages) {
                MessageCount count = counter.countMessages(chatMessages(input));
                tokens = count.total();
                if (json) {
                    out.println(writer.encodeToString(CountJson.messages(input.source(), count)));
                }
            } else {
                TextCount count = counter.countText(input.text());
                tokens = count.tokens();
                if (json) {
                    out.println(writer.encodeToString(CountJson.text(input.source(), count)));
                }
            }
            total += tokens;
            if (!json) {
                out.println(inputs.size() == 1 ? Long.toString(tokens) : tokens + " " + TerminalText.visible(input.source()));
            }
        }
        if (!json && inputs.size() > 1) {
            out.println(total + " total");
        }
        out.flush();
        return ExitCode.OK;
    }

    private List<Input> inputs() throws IOException {
        if ((text.size() == 1 && text.get(0).equals("-")) || (text.isEmpty() && files.isEmpty())) {
            return List.of(new Input("-", read("-")));
        }
        if (!text.isEmpty()) {
            return List.of(new Input("argument", String.join(" ", text)));
        }
        List<Input> inputs = new ArrayList<>();
        for (String file : files) {
            inputs.add(new Input(file, read(file)));
        }
        return inputs;
    }

    private String read(String name) throws IOException {
        byte[] bytes;
        try (InputStream in = InputFiles.open(name, root.environment())) {
            bytes = in.readAllBytes();
        }
        String notText = StrictUtf8.problem(bytes);
        if (notText != null) {
            throw UserError.usage(displayName(name) + ": " + notText);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private List<ChatMessage> chatMessages(Input input) {
        JsonNode json;
        try {
            json = new PythonJsonReader().read(input.text());
        } catch (JsonSyntaxException e) {
            throw UserError.usage(displayName(input.source()) + ":" + position(input.text(), e.column()) + ": not valid JSON: " + e.reason());
        }
        try {
            return ChatMessages.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(displayName(input.source()) + ": " + e.getMessage());
        }
    }

    private static String displayName(String source) {
        return source.equals("-") ? "<stdin>" : source;
    }

    /** LINE:COLUMN of the {@code column}-th code point (1-based) of {@code text}. */
    static String position(String text, int column) {
        int line = 1;
        int col = 1;
        int seen = 1;
        for (int i = 0; i < text.length() && seen < column; i = text.offsetByCodePoints(i, 1), seen++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return line + ":" + col;
    }
}
