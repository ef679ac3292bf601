package qantar.search;

/**
 * The tuning constants of retrieval in one place, so {@code eval --set NAME=VALUE} can sweep them
 * against the dev set. The defaults are what the dev set measured best with, rounded; none is fitted
 * to one question.
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
 */
public record RetrievalSettings(int globalCandidates, int sideCandidates, float otherField, float translitField,
                                float fuzzyTranslit, float askField, float scene, double bm25Share, double glossaryWeight,
                                double bareWordCap, double unseenWord, double framePreference, int rrfK, double askMatch) {

    public static final RetrievalSettings DEFAULT =
            new RetrievalSettings(100, 40, 0.8f, 0.5f, 0.25f, 1.0f, 0.3f, 0.6, 2.0, 1.5, 1.0, 0.2, 60, 0.6);

    /** The same settings with one changed by name (for sweeps); an unknown name is an error. */
    public RetrievalSettings with(String name, double v) {
        return switch (name) {
            case "globalCandidates" -> new RetrievalSettings((int) v, sideCandidates, otherField, translitField, fuzzyTranslit, askField, scene, bm25Share, glossaryWeight, bareWordCap, unseenWord, framePreference, rrfK, askMatch);
            case "sideCandidates" -> new RetrievalSettings(globalCandidates, (int) v, otherField, translitField, fuzzyTranslit, askField, scene, bm25Share, glossaryWeight, bareWordCap, unseenWord, framePreference, rrfK, askMatch);
            case "otherField" -> new RetrievalSettings(globalCandidates, sideCandidates, (float) v, translitField, fuzzyTranslit, askField, scene, bm25Share, glossaryWeight, bareWordCap, unseenWord, framePreference, rrfK, askMatch);
            case "translitField" -> new RetrievalSettings(globalCandidates, sideCandidates, otherField, (float) v, fuzzyTranslit, askField, scene, bm25Share, glossaryWeight, bareWordCap, unseenWord, framePreference, rrfK, askMatch);
            case "fuzzyTranslit" -> new RetrievalSettings(globalCandidates, sideCandidates, otherField, translitField, (float) v, askField, scene, bm25Share, glossaryWeight, bareWordCap, unseenWord, framePreference, rrfK, askMatch);
            case "askField" -> new RetrievalSettings(globalCandidates, sideCandidates, otherField, translitField, fuzzyTranslit, (float) v, scene, bm25Share, glossaryWeight, bareWordCap, unseenWord, framePreference, rrfK, askMatch);
            case "scene" -> new RetrievalSettings(globalCandidates, sideCandidates, otherField, translitField, fuzzyTranslit, askField, (float) v, bm25Share, glossaryWeight, bareWordCap, unseenWord, framePreference, rrfK, askMatch);
            case "bm25Share" -> new RetrievalSettings(globalCandidates, sideCandidates, otherField, translitField, fuzzyTranslit, askField, scene, v, glossaryWeight, bareWordCap, unseenWord, framePreference, rrfK, askMatch);
            case "glossaryWeight" -> new RetrievalSettings(globalCandidates, sideCandidates, otherField, translitField, fuzzyTranslit, askField, scene, bm25Share, v, bareWordCap, unseenWord, framePreference, rrfK, askMatch);
            case "bareWordCap" -> new RetrievalSettings(globalCandidates, sideCandidates, otherField, translitField, fuzzyTranslit, askField, scene, bm25Share, glossaryWeight, v, unseenWord, framePreference, rrfK, askMatch);
            case "unseenWord" -> new RetrievalSettings(globalCandidates, sideCandidates, otherField, translitField, fuzzyTranslit, askField, scene, bm25Share, glossaryWeight, bareWordCap, v, framePreference, rrfK, askMatch);
            case "framePreference" -> new RetrievalSettings(globalCandidates, sideCandidates, otherField, translitField, fuzzyTranslit, askField, scene, bm25Share, glossaryWeight, bareWordCap, unseenWord, v, rrfK, askMatch);
            case "rrfK" -> new RetrievalSettings(globalCandidates, sideCandidates, otherField, translitField, fuzzyTranslit, askField, scene, bm25Share, glossaryWeight, bareWordCap, unseenWord, framePreference, (int) v, askMatch);
            case "askMatch" -> new RetrievalSettings(globalCandidates, sideCandidates, otherField, translitField, fuzzyTranslit, askField, scene, bm25Share, glossaryWeight, bareWordCap, unseenWord, framePreference, rrfK, v);
            default -> throw new IllegalArgumentException("unknown retrieval setting '" + name + "'");
        };
    }
}
