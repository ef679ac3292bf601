package qantar.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import qantar.corpus.Folding;

/**
 * Cue words of questions about something else (weather, exchange rates, poems...). A cue's words
 * match the start of consecutive words of the question; a cue word ending in {@code $} matches
 * only the whole word (so «стих$» is a poem, and «стихийный», spontaneous, is not).
 */
public final class ScopeRules {
    private final List<String[]> cues;

    public ScopeRules(List<String[]> cues) {
        this.cues = cues;
    }

    public static ScopeRules load(Path configDir) {
        Map<String, List<List<String>>> raw = Texts.yaml(configDir.resolve("scope.yaml"));
        List<String[]> cues = new ArrayList<>();
        for (List<String> group : raw.getOrDefault("off_topic", List.of())) {
            for (String cue : group) {
                cues.add(Arrays.stream(Folding.fold(cue).strip().split("\\s+")).filter(w -> !w.isEmpty()).toArray(String[]::new));
            }
        }
        return new ScopeRules(cues);
    }

    /** True when some cue's words start consecutive words of the question. */
    public boolean offTopic(String question) {
        String[] words = words(question);
        for (String[] cue : cues) {
            for (int i = 0; i + cue.length <= words.length; i++) {
                int k = 0;
                while (k < cue.length && matches(words[i + k], cue[k])) {
                    k++;
                }
                if (k == cue.length) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(String word, String cue) {
        return cue.endsWith("$") ? word.equals(cue.substring(0, cue.length() - 1)) : word.startsWith(cue);
    }

    private static String[] words(String text) {
        return Arrays.stream(Folding.fold(text).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).toArray(String[]::new);
    }
}
