package qantar.search;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import qantar.corpus.Folding;
import qantar.corpus.Lang;

/** The question frames of config/frames.yaml, how question words are folded to match them, and which words of a question they claim. */
public final class Frames {
    public static final Frames NONE = new Frames(List.of());
    private static final String KAZAKH = "әғқңөұүһі";
    private static final String AS_RUSSIAN = "агкноуухи";

    private final List<Frame> frames;

    public Frames(List<Frame> frames) {
        this.frames = List.copyOf(frames);
    }

    public List<Frame> all() {
        return frames;
    }

    /** Reads frames.yaml; a missing file means no frames, a malformed one is an error naming the file. */
    @SuppressWarnings("unchecked")
    public static Frames load(Path file) {
        if (!Files.exists(file)) {
            return NONE;
        }
        List<Map<String, Object>> raw;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            raw = new Yaml().load(r);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Frame> out = new ArrayList<>();
        for (Map<String, Object> f : raw == null ? List.<Map<String, Object>>of() : raw) {
            String id = String.valueOf(f.get("id"));
            Map<Lang, List<List<String>>> phrases = new EnumMap<>(Lang.class);
            Map<String, List<String>> words = (Map<String, List<String>>) f.getOrDefault("words", Map.of());
            words.forEach((code, list) -> phrases.put(Lang.fromCode(code).orElseThrow(
                    () -> new IllegalStateException(file + ": frame " + id + ": unknown language " + code)),
                    list.stream().map(Frames::words).toList()));
            Object text = f.get("prefers_text");
            out.add(new Frame(id, phrases, Boolean.TRUE.equals(f.get("prefers_figure")),
                    text == null ? null : Pattern.compile(String.valueOf(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                    (List<String>) f.getOrDefault("prefers_topics", List.of()), Boolean.TRUE.equals(f.get("prefers_timeline")),
                    Boolean.TRUE.equals(f.get("stands_alone")), Boolean.TRUE.equals(f.get("claim"))));
        }
        return new Frames(out);
    }

    /**
     * The frames the question's words make, longest phrases first; their words are claimed, so "how
     * many" or "began" is never taken for the subject. A frame word may also be a stop word. Marks
     * the claimed words in {@code used}.
     */
    List<Concept> claim(List<String> words, boolean[] used) {
        String[] folded = words.stream().map(Frames::fold).toArray(String[]::new);
        boolean[] claimed = new boolean[words.size()];
        List<Concept> out = new ArrayList<>();
        record Phrase(Frame frame, List<String> words) {
        }
        List<Phrase> phrases = new ArrayList<>();
        for (Frame f : all()) {
            f.phrases().values().forEach(list -> list.forEach(p -> phrases.add(new Phrase(f, p))));
        }
        phrases.sort(Comparator.comparingInt((Phrase p) -> -p.words().size()));
        for (Phrase p : phrases) {
            for (int i = 0; i + p.words().size() <= folded.length; i++) {
                int k = 0;
                while (k < p.words().size() && !claimed[i + k] && Frames.matches(p.words().get(k), folded[i + k])) {
                    k++;
                }
                if (k == p.words().size()) {
                    List<String> forms = new ArrayList<>();
                    for (int j = i; j < i + k; j++) {
                        if (p.words().get(j - i).equals("*")) {
                            continue; // "what does * say": the word in the gap is the subject, not the frame
                        }
                        claimed[j] = true;
                        used[j] = true;
                        forms.add(words.get(j));
                    }
                    final int at = i;
                    if (out.stream().noneMatch(c -> c.frame() == p.frame())) {
                        out.add(new Concept(String.join(" ", forms), forms, false, false, false, p.frame()));
                    } else {
                        out.replaceAll(c -> c.frame() != p.frame() ? c : new Concept(c.label() + " " + String.join(" ", forms),
                                concat(c.forms(), forms), false, false, false, p.frame()));
                    }
                    i = at + k - 1;
                }
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Lower case, ё as е, Kazakh letters as the Russian ones people type without a Kazakh keyboard. */
    public static String fold(String word) {
        StringBuilder sb = new StringBuilder();
        for (char c : Folding.fold(word).toCharArray()) {
            int k = KAZAKH.indexOf(c);
            sb.append(k >= 0 ? AS_RUSSIAN.charAt(k) : c);
        }
        return sb.toString();
    }

    private static List<String> words(String phrase) {
        return Arrays.stream(phrase.split("\\s+")).filter(w -> !w.isEmpty()).map(Frames::fold).toList();
    }

    /** Whether a question word (folded) matches a frame word. */
    static boolean matches(String frameWord, String questionWord) {
        return frameWord.endsWith("*") ? questionWord.startsWith(frameWord.substring(0, frameWord.length() - 1))
                : frameWord.equals(questionWord);
    }
}
