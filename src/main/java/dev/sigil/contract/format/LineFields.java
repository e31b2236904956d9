package dev.sigil.contract.format;

import dev.sigil.contract.event.Level;
import dev.sigil.contract.event.Usage;

/**
 * What {@code sigil tail}'s line shows of one event a format made of a line, read from the line's bytes without
 * making the event (ADR 0290): its timestamp, level, component, operation and message, each as
 * {@link FormatDefinition}'s event would hold it, the message possibly as the bytes of its JSON string literal (then
 * {@link #message()} is null); and, for a format whose lines restate model calls, what identifies the call and its
 * usage, so that the call is still counted once in file order. Mutable: reused line after line by one thread.
 */
public final class LineFields {

    String timestamp;
    Level level;
    String component;
    String operation;
    String format;
    String message;
    byte[] messageBytes;
    int messageFrom;
    int messageTo;
    boolean messageEscaped;
    String callKey;
    Usage usage;

    /** As the event's {@code timestamp}: "" for none. */
    public String timestamp() {
        return timestamp;
    }

    public Level level() {
        return level;
    }

    /** As the event's {@code component}: "" for none. */
    public String component() {
        return component;
    }

    /** As the event's {@code operation}: "" for none. */
    public String operation() {
        return operation;
    }

    /** The name of the format that read the line. */
    public String format() {
        return format;
    }

    /** The event's message, or null when it is the string literal {@link #messageBytes()}{@code [from, to)} (quotes included). */
    public String message() {
        return message;
    }

    public byte[] messageBytes() {
        return messageBytes;
    }

    public int messageFrom() {
        return messageFrom;
    }

    public int messageTo() {
        return messageTo;
    }

    /** Whether the message's literal holds escapes. */
    public boolean messageEscaped() {
        return messageEscaped;
    }

    /** What identifies the model call the event reports (a format that restates calls), else null. */
    public String callKey() {
        return callKey;
    }

    /** The event's usage when {@link #callKey()} is set, else null. */
    public Usage usage() {
        return usage;
    }

    void rawMessage(byte[] b, int from, int to, boolean escaped) {
        message = null;
        messageBytes = b;
        messageFrom = from;
        messageTo = to;
        messageEscaped = escaped;
    }

    void message(String m) {
        message = m;
        messageBytes = null;
    }
}
