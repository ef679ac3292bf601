package qantar.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
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
    /** Per field, one terms enum per segment, seeked from term to term (a new enum per term costs more than the seek). */
    private final Map<String, TermsEnum[]> enums = new HashMap<>();

    SharedTerms(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** {@code q} with its term queries carrying their looked-up states (other queries as they are). */
    Query of(Query q) throws IOException {
        if (q instanceof TermQuery t) {
            TermStates s = states.get(t.getTerm());
            if (s == null) {
                s = lookUp(t.getTerm());
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

    /** The term's state and statistics in every segment, as {@code TermStates.build} gives them. */
    private TermStates lookUp(Term term) throws IOException {
        IndexReaderContext top = searcher.getTopReaderContext();
        TermStates s = new TermStates(top);
        List<LeafReaderContext> leaves = top.leaves();
        TermsEnum[] perLeaf = enums.get(term.field());
        if (perLeaf == null) {
            perLeaf = new TermsEnum[leaves.size()];
            for (LeafReaderContext leaf : leaves) {
                Terms terms = Terms.getTerms(leaf.reader(), term.field());
                perLeaf[leaf.ord] = terms.iterator();
            }
            enums.put(term.field(), perLeaf);
        }
        for (LeafReaderContext leaf : leaves) {
            TermsEnum te = perLeaf[leaf.ord];
            if (te.seekExact(term.bytes())) {
                s.register(te.termState(), leaf.ord, te.docFreq(), te.totalTermFreq());
            }
        }
        return s;
    }
}
