package qantar.search;

import java.lang.reflect.RecordComponent;

/**
 * The tuning constants of retrieval and of choosing what an answer shows, in one place, so
 * {@code eval --set NAME=VALUE} can sweep them against the dev set. The defaults are what the dev
 * set measured best with, rounded; none is fitted to one question.
 *
 * @param globalCandidates candidates taken from the whole corpus
 * @param sideCandidates   candidates taken per side, so a small side is never crowded out
 * @param otherField       weight of a match in another language's field than the question's
 * @param translitField    weight of a match in the transliterated field (names across scripts)
 * @param fuzzyTranslit    weight of a one-edit match of a long unknown word (misspelt names)
 * @param askField         weight of a match in the questions a passage answers, against its text's 1.0
 * @param scene            weight of anchors, context and frame words, which rank but do not cover
 * @param bm25Share        how much the BM25/vector order adds to coverage in the score
 * @param glossaryWeight   a curated concept's weight over its rarity
 * @param bareWordCap      the most a word the glossary lacks can weigh
 * @param unseenWord       the weight of a word the corpus never uses
 * @param framePreference  what a frame's preference (a figure for "how many") adds to the score
 * @param rrfK             the reciprocal rank fusion constant
 * @param askMatch         what matching one of a passage's asks as a whole adds to the score
 * @param sceneCoverage    the share of its weight a context word (a place, a named side) adds to
 *                         coverage beside a subject
 * @param claimWording     the share of its weight a claim's wording adds to coverage: the words the
 *                         glossary lacks in a question with a claim frame and a subject the glossary names
 * @param relevant         the least coverage of a question for a passage to be shown at all
 * @param sideSpread       within a side, passages this far below the side's best coverage are left out
 * @param perSide          the most statements a side shows
 * @param overviewPerSide  the most a side shows for an overview ("what happened?"): its key items
 * @param topicHits        how many of the best candidates tell the question's topics
 * @param questionTopics   how many of their most common topics are the question's: a passage shown
 *                         must carry one (0: any passage may be shown)
 * @param overlap          how far a subject concept's weight is its rarity among the passages matching
 *                         the question's other subject concepts rather than in the whole corpus (0: not
 *                         at all): «troops» beside «CSTO» says little, most passages on the CSTO name them
 * @param askGate          the coverage below which a passage is shown only if one of its asks holds
 *                         a subject word of the question (0: no such gate)
 * @param answersThis      the model of how likely a candidate answers the question, which then orders
 *                         and gates alone ({@link AnswersThis#NONE}: coverage and the gates above do);
 *                         {@code --set answersThis=T} sets its threshold
 */
public record RetrievalSettings(int globalCandidates, int sideCandidates, float otherField, float translitField,
                                float fuzzyTranslit, float askField, float scene, double bm25Share, double glossaryWeight,
                                double bareWordCap, double unseenWord, double framePreference, int rrfK, double askMatch,
                                double sceneCoverage, double claimWording, double relevant, double sideSpread, int perSide, int overviewPerSide,
                                int topicHits, int questionTopics, double overlap, double askGate,
                                AnswersThis answersThis) {

    public static final RetrievalSettings DEFAULT =
            new RetrievalSettings(100, 40, 0.8f, 0.5f, 0.25f, 1.0f, 0.3f, 0.6, 2.0, 1.5, 1.0, 0.2, 60, 0.6, 0.5, 0.5, 0.5, 0.3, 3, 2, 10, 3, 0.5, 0.6,
                    AnswersThis.NONE);

    /** The same settings with another answers-this model. */
    public RetrievalSettings with(AnswersThis model) {
        return new RetrievalSettings(globalCandidates, sideCandidates, otherField, translitField, fuzzyTranslit, askField, scene,
                bm25Share, glossaryWeight, bareWordCap, unseenWord, framePreference, rrfK, askMatch, sceneCoverage, claimWording, relevant,
                sideSpread, perSide, overviewPerSide, topicHits, questionTopics, overlap, askGate, model);
    }

    /** The same settings with one changed by name (for sweeps); an unknown name is an error. */
    public RetrievalSettings with(String name, double v) {
        RecordComponent[] parts = RetrievalSettings.class.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] values = new Object[parts.length];
        boolean found = false;
        try {
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                boolean named = parts[i].getName().equals(name);
                found |= named;
                values[i] = !named ? parts[i].getAccessor().invoke(this)
                        : types[i] == AnswersThis.class ? answersThis.withThreshold(v)
                        : types[i] == int.class ? (Object) (int) v : types[i] == float.class ? (Object) (float) v : (Object) v;
            }
            if (!found) {
                throw new IllegalArgumentException("unknown retrieval setting '" + name + "'");
            }
            return RetrievalSettings.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
