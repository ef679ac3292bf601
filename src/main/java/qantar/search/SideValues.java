package qantar.search;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import qantar.corpus.Side;

/** A segment's documents' sides, read from doc values: no stored document is loaded. */
final class SideValues {
    private final SortedDocValues values;
    private final Side[] byOrd;

    SideValues(LeafReader reader) throws IOException {
        values = DocValues.getSorted(reader, PassageIndex.SIDE);
        byOrd = new Side[values.getValueCount()];
        for (int ord = 0; ord < byOrd.length; ord++) {
            byOrd[ord] = Side.fromId(values.lookupOrd(ord).utf8ToString()).orElse(null);
        }
    }

    /** Every document's side, for a graph search that visits documents in no order. */
    static Side[] all(LeafReader reader) throws IOException {
        SideValues sides = new SideValues(reader);
        Side[] out = new Side[reader.maxDoc()];
        for (int d = sides.values.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = sides.values.nextDoc()) {
            out[d] = sides.byOrd[sides.values.ordValue()];
        }
        return out;
    }

    /** The side of a document of this segment; documents must be asked in increasing order. */
    Side of(int doc) throws IOException {
        return values.advanceExact(doc) ? byOrd[values.ordValue()] : null;
    }
}
