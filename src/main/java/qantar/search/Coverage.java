package qantar.search;

import java.util.List;
import java.util.Set;
import org.apache.lucene.util.FixedBitSet;

/**
 * How well a passage covers a question: the rarity-weighted share of the question's counting
 * concepts it matches. Comparable across questions, unlike a BM25 score, so it decides relevance.
 */
final class Coverage {
    private final List<Concept> concepts;
    private final FixedBitSet[] matches;
    private final double[] weight;
    private final double total;
    private final boolean claim;

    private Coverage(List<Concept> concepts, FixedBitSet[] matches, double[] weight, double total, boolean claim) {
        this.claim = claim;
        this.concepts = concepts;
        this.matches = matches;
        this.weight = weight;
        this.total = total;
    }

    /**
     * {@code matches[i]}: the live documents matching concept i, of {@code docs} live documents;
     * {@code names}: the labels of the concepts the question writes as names ({@link Names#written}).
     */
    static Coverage of(int docs, List<Concept> concepts, FixedBitSet[] matches, Set<String> names, RetrievalSettings settings) {
        double[] weight = new double[concepts.size()];
        double total = 0;
        // Beside a subject, context words (a place, a side named) narrow it a little: «protests in
        // Zhanaozen». Alone they are only the scene, which any passage on the events covers.
        boolean subject = concepts.stream().anyMatch(Concept::counts);
        boolean claim = claim(concepts);
        for (int i = 0; i < concepts.size(); i++) {
            Concept c = concepts.get(i);
            double share = c.counts() ? 1 : wording(c, claim) ? settings.claimWording()
                    : subject && c.context() && c.frame() == null && !c.anchor() ? settings.sceneCoverage() : 0;
            if (share > 0) {
                weight[i] = share * weight(c, names.contains(c.label()), matches[i].cardinality(), docs, settings);
            }
        }
        blendOverlap(concepts, matches, weight, names, settings);
        for (double w : weight) {
            total += w;
        }
        return new Coverage(concepts, matches, weight, total, claim);
    }

    /**
     * A subject concept's weight as its rarity among the passages that match the question's other
     * subject concepts, blended in by {@code overlap}: a concept that most passages on the rest of
     * the subject match anyway («troops» beside «CSTO») adds little, one that few of them match
     * («withdrawal») tells which of them answer. The subject's weights keep their sum, so context
     * words weigh as much beside it as before.
     */
    private static void blendOverlap(List<Concept> concepts, FixedBitSet[] matches, double[] weight, Set<String> names, RetrievalSettings s) {
        double blend = s.overlap();
        List<Integer> subject = java.util.stream.IntStream.range(0, concepts.size()).filter(i -> concepts.get(i).counts()).boxed().toList();
        if (blend <= 0 || subject.size() < 2) {
            return;
        }
        double[] among = new double[weight.length];
        double before = 0;
        double after = 0;
        for (int i : subject) {
            FixedBitSet others = new FixedBitSet(matches[i].length());
            for (int j : subject) {
                if (j != i) {
                    others.or(matches[j]);
                }
            }
            Concept c = concepts.get(i);
            among[i] = weight(c, names.contains(c.label()), (int) FixedBitSet.intersectionCount(matches[i], others), others.cardinality(), s);
            before += weight[i];
            after += among[i];
        }
        if (after <= 0) {
            return;
        }
        for (int i : subject) {
            weight[i] = (1 - blend) * weight[i] + blend * among[i] * before / after;
        }
    }

    /** Whether the question puts a claim ("is it true that", "admit that"). */
    static boolean claim(List<Concept> concepts) {
        return concepts.stream().anyMatch(c -> c.frame() != null && c.frame().claim());
    }

    /**
     * A claim's wording («paid», «banner»: the words the glossary lacks, beside a subject it names):
     * part of what the claim says, weighing less than its subject.
     */
    static boolean wording(Concept c, boolean claim) {
        return claim && c.context() && !c.fromGlossary() && c.frame() == null && !c.anchor();
    }

    /**
     * The passage's coverage. A question made only of anchors, context and frame words ("tell me
     * about Qantar", "what happened?") is covered by the passages matching any of them; a question
     * with a subject only by the passages matching some of it.
     */
    double of(int doc) {
        double covered = 0;
        boolean sceneMatch = false;
        boolean subjectMatch = false;
        for (int i = 0; i < concepts.size(); i++) {
            if (matches[i].get(doc)) {
                covered += weight[i];
                boolean subject = concepts.get(i).counts() || wording(concepts.get(i), claim);
                sceneMatch |= !subject;
                subjectMatch |= subject;
            }
        }
        if (total == 0) {
            return sceneMatch ? 1 : 0;
        }
        // Context words narrow a subject; a passage with only the scene («in January 2022») covers nothing of it.
        return subjectMatch ? covered / total : 0;
    }

    double[] weights() {
        return weight.clone();
    }

    double total() {
        return total;
    }

    /**
     * How much matching a concept says a passage is about the question: rarer is more telling. A
     * word the glossary lacks weighs at most {@code bareWordCap}, since most such words are the
     * question's manner of speaking; one written as a name («Turgumbayev») is what the question is
     * about, and weighs as a curated concept.
     */
    static double weight(Concept c, boolean name, int matchingDocs, int docs, RetrievalSettings s) {
        double idf = Math.log(1 + (double) docs / (1 + matchingDocs));
        if (c.fromGlossary() || (name && matchingDocs > 0)) {
            return idf * s.glossaryWeight();
        }
        return matchingDocs == 0 ? s.unseenWord() : Math.min(idf, s.bareWordCap());
    }
}
