package dev.sigil.tokens;

/**
 * How long a text is, three ways.
 *
 * @param encoding the encoding the tokens were counted with
 * @param characters code points, as Python's {@code len(text)} counts them
 * @param utf8Bytes length of the text in UTF-8
 * @param tokens tokens in {@code encoding}
 */
public record TextCount(TokenEncoding encoding, long characters, long utf8Bytes, long tokens) {
}
