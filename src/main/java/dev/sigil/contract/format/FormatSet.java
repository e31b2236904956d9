package dev.sigil.contract.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The formats a command reads with: the user's definitions (tried first, in the order given), then the built-in
 * ones, and optionally one format that every file is forced to (docs/formats.md §7). Immutable and thread-safe;
 * the built-in definitions are read on first need.
 */
public final class FormatSet {

    private static final FormatSet BUILT_IN = new FormatSet(List.of(), null, BuiltinFormats::all);

    private final List<FormatDefinition> user;
    private final FormatDefinition forced;
    private final Supplier<List<FormatDefinition>> builtIns;

    private FormatSet(List<FormatDefinition> user, FormatDefinition forced, Supplier<List<FormatDefinition>> builtIns) {
        this.user = List.copyOf(user);
        this.forced = forced;
        this.builtIns = builtIns;
    }

    /** The built-in formats only, each file's format found from its first lines. */
    public static FormatSet builtIn() {
        return BUILT_IN;
    }

    /**
     * These user definitions before the built-in ones.
     *
     * @throws IllegalArgumentException when a name is used twice or is a built-in format's
     */
    public FormatSet withUser(List<FormatDefinition> definitions) {
        List<FormatDefinition> all = new ArrayList<>(user);
        for (FormatDefinition d : definitions) {
            if (BuiltinFormats.NAMES.contains(d.name())) {
                throw new IllegalArgumentException(d.source() + ": the name '" + d.name() + "' is a built-in format's; choose another");
            }
            for (FormatDefinition u : all) {
                if (u.name().equals(d.name())) {
                    throw new IllegalArgumentException(d.source() + ": the name '" + d.name() + "' is already used by " + u.source());
                }
            }
            all.add(d);
        }
        return new FormatSet(all, forced, builtIns);
    }

    /** The same set, every file read in {@code f} only. */
    public FormatSet forcing(FormatDefinition f) {
        return new FormatSet(user, f, builtIns);
    }

    /** The format every file is read in, if one is forced. */
    public Optional<FormatDefinition> forced() {
        return Optional.ofNullable(forced);
    }

    /** The user's definitions, in order. */
    public List<FormatDefinition> user() {
        return user;
    }

    /** Every format, in the order lines are tried: the user's, then the built-in ones (reads the built-in ones). */
    public List<FormatDefinition> all() {
        List<FormatDefinition> all = new ArrayList<>(user);
        all.addAll(builtIns.get());
        return all;
    }

    /** The format called {@code name}, if there is one. */
    public Optional<FormatDefinition> named(String name) {
        for (FormatDefinition d : user) {
            if (d.name().equals(name)) {
                return Optional.of(d);
            }
        }
        if (!BuiltinFormats.NAMES.contains(name)) {
            return Optional.empty();
        }
        return builtIns.get().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The names of every format, without reading the built-in definitions. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        user.forEach(d -> names.add(d.name()));
        names.addAll(BuiltinFormats.NAMES);
        return names;
    }

    /** How a file is read before anything is known of it: the forced format, or every format in order. */
    public Choice initial() {
        return new Choice(forced, forced != null, user, builtIns);
    }

    /** A new sniff of one file's first lines. */
    public Sniff sniff() {
        return new Sniff(this, false);
    }

    /** A sniff that asks every format about every line, so that its tallies explain the choice ({@code sigil formats --detect}). */
    public Sniff detect() {
        return new Sniff(this, true);
    }

    Supplier<List<FormatDefinition>> builtInsSupplier() {
        return builtIns;
    }
}
