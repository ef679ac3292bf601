package qantar.search;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import java.util.Map;
import java.util.Set;
import qantar.corpus.Lang;
import qantar.corpus.Passage;

/**
 * The retriever as a LangChain4j {@link ContentRetriever}, for LangChain4j pipelines: the relevant
 * passages of every side, each in the question's language where a text exists, with its passage
 * id, side, speaker and source in the segment's metadata, and its coverage as the score.
 */
public final class PassageContentRetriever implements ContentRetriever {
    public static final String PASSAGE_ID = "passage_id";
    public static final String SIDE = "side";
    public static final String SPEAKER = "speaker";
    public static final String SOURCE_ID = "source_id";

    private final Retriever retriever;
    private final double minCoverage;
    private final int maxResults;

    public PassageContentRetriever(Retriever retriever, double minCoverage, int maxResults) {
        this.retriever = retriever;
        this.minCoverage = minCoverage;
        this.maxResults = maxResults;
    }

    @Override
    public List<Content> retrieve(Query query) {
        Lang lang = LanguageDetector.detect(query.text());
        return retriever.retrieve(query.text(), lang, Set.of()).hits().stream()
                .filter(h -> h.coverage() >= minCoverage)
                .limit(maxResults)
                .map(h -> content(h, lang))
                .toList();
    }

    private static Content content(Retriever.Hit h, Lang lang) {
        Passage p = h.passage();
        String text = p.texts().getOrDefault(lang, p.texts().get(p.original()));
        Metadata m = Metadata.from(Map.of(PASSAGE_ID, p.id(), SIDE, p.side().id(), SPEAKER, p.speaker(), SOURCE_ID, p.sourceId()));
        return Content.from(TextSegment.from(text, m), Map.of(ContentMetadata.SCORE, h.coverage()));
    }
}
