package qantar.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Topic;
import qantar.store.Sha256;

/** What a passage's Lucene document holds, and the hashes by which an update sees what changed. */
final class IndexDocuments {
    static final String TEXT_HASH = "text_hash";
    /** A hash of everything a document holds, to see which documents an update must rewrite. */
    private static final String DOC_HASH = "doc_hash";

    private IndexDocuments() {
    }

    /** The searched fields of a passage: what its document hash is made of. */
    static Document document(Passage p, Map<String, Topic> topics) {
        Document d = new Document();
        d.add(new StringField(PassageIndex.ID, p.id(), Field.Store.YES));
        d.add(new StringField(PassageIndex.SIDE, p.side().id(), Field.Store.NO));
        StringJoiner all = new StringJoiner("\n");
        for (Lang lang : Lang.values()) {
            StringJoiner text = new StringJoiner("\n");
            if (p.texts().containsKey(lang)) {
                text.add(p.texts().get(lang));
                all.add(p.texts().get(lang));
            }
            text.add(p.speaker(lang));
            // Topic labels let a question about "the death toll" find passages that never use those words.
            for (String t : p.topics()) {
                Topic topic = topics.get(t);
                if (topic != null) {
                    text.add(topic.label(lang));
                }
            }
            d.add(new TextField(PassageIndex.field(lang), text.toString(), Field.Store.NO));
        }
        new LinkedHashSet<>(List.of(p.speaker(Lang.EN), p.speaker(Lang.RU), p.speaker(Lang.KK))).forEach(all::add);
        d.add(new TextField(Analyzers.TRANSLIT, all.toString(), Field.Store.NO));
        // The questions a passage answers, each language in its own field (doc2query): found by what it answers.
        for (Lang lang : Lang.values()) {
            if (p.asks().containsKey(lang)) {
                d.add(new TextField(Analyzers.askField(lang), String.join("\n", p.asks().get(lang)), Field.Store.NO));
            }
        }
        return d;
    }

    /** The document as written: its fields, doc values, hash and, if there is one, its vector. */
    static Document toWrite(Passage p, Map<String, Topic> topics, String docHash, float[] vector) {
        Document d = document(p, topics);
        d.add(new SortedDocValuesField(PassageIndex.ID, new BytesRef(p.id())));
        // the side as doc values too: a question's one search sorts its candidates by side
        d.add(new SortedDocValuesField(PassageIndex.SIDE, new BytesRef(p.side().id())));
        d.add(new BinaryDocValuesField(DOC_HASH, new BytesRef(docHash)));
        if (vector != null) {
            d.add(new StringField(TEXT_HASH, textHash(p), Field.Store.NO));
            d.add(new KnnFloatVectorField(PassageIndex.vectorField(p.side()), vector, VectorSimilarityFunction.COSINE));
        }
        return d;
    }

    /** The document's fields and its vector text: what a change must be seen in. */
    static String docHash(Document d, Passage p) {
        StringBuilder sb = new StringBuilder();
        for (IndexableField f : d.getFields()) {
            sb.append(f.name()).append('\u0000').append(f.stringValue()).append('\u0001');
        }
        return hash(sb.append(textHash(p)).toString());
    }

    /**
     * Every indexed passage id with its document hash (from doc values: no stored document is read);
     * empty when there is no index or it cannot be read, so that everything is written anew.
     */
    static Map<String, String> indexedHashes(Directory directory) {
        Map<String, String> out = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits liveDocs = leaf.reader().getLiveDocs();
                SortedDocValues ids = DocValues.getSorted(leaf.reader(), PassageIndex.ID);
                BinaryDocValues hashes = DocValues.getBinary(leaf.reader(), DOC_HASH);
                for (int d = ids.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = ids.nextDoc()) {
                    if (liveDocs == null || liveDocs.get(d)) {
                        String hash = hashes.advanceExact(d) ? hashes.binaryValue().utf8ToString() : "";
                        out.put(ids.lookupOrd(ids.ordValue()).utf8ToString(), hash);
                    }
                }
            }
        } catch (IndexNotFoundException e) {
            // no index yet: everything is new
        } catch (IOException e) {
            // an unreadable index is rebuilt
            out.clear();
        }
        return out;
    }

    /** The English text: the only language the embedding model understands. */
    static String vectorText(Passage p) {
        String en = p.texts().get(Lang.EN);
        return en != null ? en : p.texts().values().iterator().next();
    }

    static String textHash(Passage p) {
        return hash(vectorText(p));
    }

    private static String hash(String text) {
        return HexFormat.of().formatHex(Sha256.of(text), 0, 16);
    }
}
