package dev.sigil.contract.format;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The members of one object of a projected tree ({@link FastProjection}): a few (those its format's paths name), in
 * the order of the line, looked up by a walk rather than by hash. A projected object is made for every record and
 * every attribute of an OTLP line, and read a few times: a hash table's table, its nodes and its hashing cost more
 * than the walk (ADR 0260). A name met again keeps its place and takes the last value, as a dict does. Not
 * thread-safe (made and read on one decoding thread).
 */
final class FewMembers extends AbstractMap<String, JsonNode> {

    private String[] names;
    private JsonNode[] values;
    private int size;

    FewMembers(int capacity) {
        names = new String[capacity];
        values = new JsonNode[capacity];
    }

    /** Where {@code name} is, or -1: the names a format's paths give and its projection keeps are the same strings. */
    private int indexOf(Object name) {
        for (int i = 0; i < size; i++) {
            String n = names[i];
            if (n == name || n.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public JsonNode get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public JsonNode put(String name, JsonNode value) {
        int i = indexOf(name);
        if (i >= 0) {
            JsonNode old = values[i];
            values[i] = value;
            return old;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, Math.max(4, size * 2));
            values = Arrays.copyOf(values, names.length);
        }
        names[size] = name;
        values[size++] = value;
        return null;
    }

    @Override
    public JsonNode remove(Object name) {
        int i = indexOf(name);
        if (i < 0) {
            return null;
        }
        JsonNode old = values[i];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        System.arraycopy(names, i + 1, names, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        names[size] = null;
        values[size] = null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    @Override
    public Collection<JsonNode> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<JsonNode> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public JsonNode next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        return values[next++];
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, JsonNode>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int last = -1;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, JsonNode> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        last = next++;
                        return new Member(last);
                    }

                    @Override
                    public void remove() {
                        if (last < 0) {
                            throw new IllegalStateException();
                        }
                        removeAt(last);
                        next = last;
                        last = -1;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** One member, read and written through to the arrays. */
    private final class Member implements Map.Entry<String, JsonNode> {

        private final int i;

        Member(int i) {
            this.i = i;
        }

        @Override
        public String getKey() {
            return names[i];
        }

        @Override
        public JsonNode getValue() {
            return values[i];
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            JsonNode old = values[i];
            values[i] = value;
            return old;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && names[i].equals(e.getKey()) && java.util.Objects.equals(values[i], e.getValue());
        }

        @Override
        public int hashCode() {
            return names[i].hashCode() ^ java.util.Objects.hashCode(values[i]);
        }
    }
}
