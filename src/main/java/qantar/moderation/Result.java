package qantar.moderation;

import java.util.ArrayList;
import java.util.List;

/**
 * What a moderation action came to: done, refused (not allowed for this user), or an error in
 * what was asked. {@code key} names the text in messages.yaml and {@code nameValues} fill it in;
 * {@code value} is what the caller shows or acts on (a proposal, a list, the author to notify).
 */
public record Result<T>(Status status, String key, List<Object> nameValues, T value) {
    public enum Status { OK, REFUSED, ERROR }

    /** The one answer to anyone not allowed: it says nothing about who is. */
    public static final String REFUSED_KEY = "mod.refused";

    public Result {
        nameValues = List.copyOf(nameValues);
    }

    static <T> Result<T> ok(String key, T value, Object... nameValues) {
        return new Result<>(Status.OK, key, strings(nameValues), value);
    }

    static <T> Result<T> refused() {
        return new Result<>(Status.REFUSED, REFUSED_KEY, List.of(), null);
    }

    static <T> Result<T> refused(String key, Object... nameValues) {
        return new Result<>(Status.REFUSED, key, strings(nameValues), null);
    }

    static <T> Result<T> error(String key, Object... nameValues) {
        return new Result<>(Status.ERROR, key, strings(nameValues), null);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** The name/value pairs as Texts.get takes them. */
    public Object[] args() {
        return nameValues.toArray();
    }

    /** A name's value, or null. */
    public String arg(String name) {
        for (int i = 0; i + 1 < nameValues.size(); i += 2) {
            if (nameValues.get(i).equals(name)) {
                return String.valueOf(nameValues.get(i + 1));
            }
        }
        return null;
    }

    private static List<Object> strings(Object... nameValues) {
        List<Object> out = new ArrayList<>();
        for (Object o : nameValues) {
            out.add(String.valueOf(o));
        }
        return out;
    }
}
