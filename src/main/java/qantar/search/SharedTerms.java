package qantar.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A question's queries with each term looked up once in every segment: the question's query and
 * its concepts' queries hold the same terms, and without this each weight made of them would seek
 * every term in every segment again. The statistics are those Lucene would look up, so the scores
 * are the same.
 */
final class SharedTerms {
    private final IndexSearcher searcher;
    private final Map<Term, TermStates> states = new HashMap<>();

    SharedTerms(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** {@code q} with its term queries carrying their looked-up states (other queries as they are). */
    Query of(Query q) throws IOException {
        if (q instanceof TermQuery t) {
            TermStates s = states.get(t.getTerm());
            if (s == null) {
                s = TermStates.build(searcher, t.getTerm(), true);
                states.put(t.getTerm(), s);
            }
            return new TermQuery(t.getTerm(), s);
        }
        if (q instanceof BoostQuery b) {
            return new BoostQuery(of(b.getQuery()), b.getBoost());
        }
        if (q instanceof DisjunctionMaxQuery d) {
            List<Query> parts = new ArrayList<>();
            for (Query p : d.getDisjuncts()) {
                parts.add(of(p));
            }
            return new DisjunctionMaxQuery(parts, d.getTieBreakerMultiplier());
        }
        if (q instanceof BooleanQuery b) {
            BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            for (BooleanClause c : b.clauses()) {
                out.add(of(c.getQuery()), c.getOccur());
            }
            return out.build();
        }
        return q;
    }
}
