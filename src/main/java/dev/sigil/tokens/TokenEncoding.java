package dev.sigil.tokens;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import com.knuddels.jtokkit.api.EncodingType;

/** The byte-pair encodings sigil can count with, by tiktoken's names. {@link #CL100K_BASE} is the default. */
public enum TokenEncoding {
    CL100K_BASE("cl100k_base", EncodingType.CL100K_BASE),
    O200K_BASE("o200k_base", EncodingType.O200K_BASE),
    P50K_BASE("p50k_base", EncodingType.P50K_BASE),
    P50K_EDIT("p50k_edit", EncodingType.P50K_EDIT),
    R50K_BASE("r50k_base", EncodingType.R50K_BASE);

    /** The encoding of the seed's token counter (GPT-4 and GPT-3.5 models). */
    public static final TokenEncoding DEFAULT = CL100K_BASE;

    private final String tiktokenName;
    private final EncodingType jtokkitType;

    TokenEncoding(String tiktokenName, EncodingType jtokkitType) {
        this.tiktokenName = tiktokenName;
        this.jtokkitType = jtokkitType;
    }

    /** The name tiktoken gives it ({@code tiktoken.get_encoding(name)}). */
    public String tiktokenName() {
        return tiktokenName;
    }

    EncodingType jtokkitType() {
        return jtokkitType;
    }

    /** The encoding called {@code name} (tiktoken's spelling, case-insensitive). */
    public static Optional<TokenEncoding> fromName(String name) {
        return Arrays.stream(values()).filter(e -> e.tiktokenName.equalsIgnoreCase(name)).findFirst();
    }

    /** The names accepted by {@link #fromName}, for error messages and help. */
    public static String names() {
        return Arrays.stream(values()).map(TokenEncoding::tiktokenName).collect(Collectors.joining(", "));
    }
}
