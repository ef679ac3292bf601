package qantar.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import qantar.corpus.Corpus;
import qantar.corpus.Lang;
import qantar.corpus.Passage;

/**
 * A corpus of N passages made from the shipped one, for {@code bench --scale}: the shipped passages
 * as they are, then copies with distinct ids and perturbed words (so the vocabulary and the vectors
 * grow as a real corpus's would), cycling through the passages so the side mix stays the same.
 * Fewer than the shipped passages are an evenly spaced subset. The same N gives the same corpus in
 * every run, so a kept data dir is not indexed and embedded again.
 */
final class ScaledCorpus {
    private static final Pattern WORD = Pattern.compile("\\p{L}{5,}");
    /** The share of longer words changed in a copy: enough that copies are no duplicates of each other. */
    private static final double PERTURBED = 0.3;

    private ScaledCorpus() {
    }

    static Corpus of(Corpus shipped, int n) {
        List<Passage> base = shipped.passages();
        List<Passage> out = new ArrayList<>(n);
        if (n <= base.size()) {
            for (int i = 0; i < n; i++) {
                out.add(base.get((int) ((long) i * base.size() / n)));
            }
            Set<String> ids = new HashSet<>();
            out.forEach(p -> ids.add(p.id()));
            // a cluster whose first passage was left out is no cluster
            out.replaceAll(p -> p.sameAs() == null || ids.contains(p.sameAs()) ? p : copy(p, p.id(), null, p.texts(), p.asks()));
        } else {
            out.addAll(base);
            for (int i = base.size(); i < n; i++) {
                int round = i / base.size();
                Passage p = base.get(i % base.size());
                Random random = new Random(31L * p.id().hashCode() + round);
                // In the order of Lang, not of the passage's maps: theirs changes from one JVM to the next
                // (Map.copyOf), and so would every copy's text, its vector and a kept data dir's index.
                Map<Lang, String> texts = new EnumMap<>(Lang.class);
                Map<Lang, List<String>> asks = new EnumMap<>(Lang.class);
                for (Lang lang : Lang.values()) {
                    if (p.texts().containsKey(lang)) {
                        texts.put(lang, perturb(p.texts().get(lang), random));
                    }
                }
                for (Lang lang : Lang.values()) {
                    if (p.asks().containsKey(lang)) {
                        asks.put(lang, p.asks().get(lang).stream().map(q -> perturb(q, random)).toList());
                    }
                }
                String suffix = "-s" + round;
                out.add(copy(p, p.id() + suffix, p.sameAs() == null ? null : p.sameAs() + suffix, texts, asks));
            }
        }
        return new Corpus(shipped.sources(), out, shipped.topics(), shipped.glossary(), shipped.timeline());
    }

    private static Passage copy(Passage p, String id, String sameAs, Map<Lang, String> texts, Map<Lang, List<String>> asks) {
        return new Passage(id, p.sourceId(), p.side(), p.speaker(), p.topics(), texts, p.original(), p.quote(), p.said(),
                p.caution(), asks, sameAs, p.speakers());
    }

    /** Swaps two inner letters of some longer words: a word of the same script that the corpus may not have. */
    static String perturb(String text, Random random) {
        Matcher m = WORD.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String w = m.group();
            if (random.nextDouble() < PERTURBED) {
                char[] c = w.toCharArray();
                int a = 1 + random.nextInt(c.length - 2);
                int b = 1 + random.nextInt(c.length - 2);
                char t = c[a];
                c[a] = c[b];
                c[b] = t;
                w = new String(c);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(w));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
