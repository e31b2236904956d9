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
    /** The timestamp's second of the day when it was a count since the epoch (then {@link #timestamp} is null), else -1. */
    int secondOfDay = -1;
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

    /** As the event's {@code timestamp} ("" for none), or null when it is given by {@link #secondOfDay()}. */
    public String timestamp() {
        return timestamp;
    }

    /**
     * The second of the day (UTC) of a timestamp written as a count since the epoch, whose ISO text the event would
     * hold ({@code HH:MM:SS} all the line shows of it), or -1.
     */
    public int secondOfDay() {
        return secondOfDay;
    }

    void timestamp(String t) {
        timestamp = t;
        secondOfDay = -1;
    }

    void clock(int second) {
        timestamp = null;
        secondOfDay = second;
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
