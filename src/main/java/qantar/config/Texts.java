package qantar.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import qantar.corpus.Lang;
import qantar.corpus.Side;

/** Every text the program writes in its own voice, and the sides' labels, in ru, en and kk. */
public final class Texts {
    public record SideStyle(String emoji, Map<Lang, String> label, Map<Lang, String> about) {
    }

    private final Map<String, Map<Lang, String>> messages;
    private final Map<Side, SideStyle> sides;

    private Texts(Map<String, Map<Lang, String>> messages, Map<Side, SideStyle> sides) {
        this.messages = messages;
        this.sides = sides;
    }

    public static Texts load(Path configDir) {
        Map<String, Map<Lang, String>> messages = new HashMap<>();
        Map<String, Object> raw = yaml(configDir.resolve("messages.yaml"));
        raw.forEach((k, v) -> messages.put(k, langs(v, "messages.yaml: " + k)));
        Map<Side, SideStyle> sides = new EnumMap<>(Side.class);
        List<Map<String, Object>> list = yaml(configDir.resolve("sides.yaml"));
        for (Map<String, Object> s : list) {
            Side side = Side.fromId(String.valueOf(s.get("id")))
                    .orElseThrow(() -> new IllegalStateException("sides.yaml: unknown side " + s.get("id")));
            sides.put(side, new SideStyle(String.valueOf(s.get("emoji")), langs(s.get("label"), "sides.yaml label"),
                    langs(s.get("about"), "sides.yaml about")));
        }
        for (Side s : Side.values()) {
            if (!sides.containsKey(s)) {
                throw new IllegalStateException("sides.yaml: no entry for side " + s.id());
            }
        }
        return new Texts(messages, sides);
    }

    /** The message in the language, with {name} placeholders filled from name/value pairs. */
    public String get(String key, Lang lang, Object... nameValues) {
        Map<Lang, String> m = messages.get(key);
        if (m == null) {
            throw new IllegalArgumentException("no message '" + key + "' in messages.yaml");
        }
        String text = Lang.pick(m, lang);
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            text = text.replace("{" + nameValues[i] + "}", String.valueOf(nameValues[i + 1]));
        }
        return text;
    }

    public boolean has(String key) {
        return messages.containsKey(key);
    }

    public String label(Side side, Lang lang) {
        return sides.get(side).label().get(lang);
    }

    public String emoji(Side side) {
        return sides.get(side).emoji();
    }

    public String about(Side side, Lang lang) {
        return sides.get(side).about().get(lang);
    }

    public String languageName(Lang of, Lang in) {
        return get("lang." + of.code(), in);
    }

    static Map<Lang, String> langs(Object value, String where) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalStateException(where + ": expected texts by language (ru, en, kk)");
        }
        Map<Lang, String> out = new EnumMap<>(Lang.class);
        m.forEach((k, v) -> out.put(Lang.fromCode(String.valueOf(k))
                .orElseThrow(() -> new IllegalStateException(where + ": unknown language " + k)), String.valueOf(v).strip()));
        for (Lang l : Lang.values()) {
            if (!out.containsKey(l)) {
                throw new IllegalStateException(where + ": missing " + l.code());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static <T> T yaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (T) new Yaml(new LoaderOptions()).load(in);
        } catch (IOException | org.yaml.snakeyaml.error.YAMLException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage().replace('\n', ' '), e);
        }
    }
}
