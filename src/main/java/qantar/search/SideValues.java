package qantar.search;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import qantar.corpus.Side;

/** A segment's documents' sides, read from doc values: no stored document is loaded. */
final class SideValues {
    private SideValues() {
    }

    /** Every document's side by its id in the segment (null: none). */
    static Side[] all(LeafReader reader) throws IOException {
        SortedDocValues values = DocValues.getSorted(reader, PassageIndex.SIDE);
        Side[] byOrd = new Side[values.getValueCount()];
        for (int ord = 0; ord < byOrd.length; ord++) {
            byOrd[ord] = Side.fromId(values.lookupOrd(ord).utf8ToString()).orElse(null);
        }
        Side[] out = new Side[reader.maxDoc()];
        for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
            out[d] = byOrd[values.ordValue()];
        }
        return out;
    }
}
