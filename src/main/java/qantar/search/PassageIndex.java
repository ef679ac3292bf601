package qantar.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.IntConsumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Topic;

/**
 * The Lucene index of the live passages. It is derived data: it records the corpus revision it was
 * built from and is rebuilt whole when that changes (a few hundred passages take well under a second).
 */
public final class PassageIndex implements AutoCloseable {
    public static final String ID = "id";
    public static final String SIDE = "side";
    /** Bump when the fields or analyzers change, so old indexes are rebuilt. */
    private static final String FORMAT = "3";

    private final Directory directory;
    private SearcherManager searchers;

    private PassageIndex(Directory directory) {
        this.directory = directory;
    }

    public static PassageIndex open(Path dir) {
        try {
            return new PassageIndex(FSDirectory.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index at " + dir, e);
        }
    }

    public static PassageIndex inMemory() {
        return new PassageIndex(new ByteBuffersDirectory());
    }

    /** The corpus revision the index on disk was built from, or -1 if there is none or it is outdated. */
    public long builtRevision() {
        try {
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            return FORMAT.equals(data.get("format")) ? Long.parseLong(data.getOrDefault("revision", "-1")) : -1;
        } catch (IndexNotFoundException e) {
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    public synchronized void rebuild(List<Passage> passages, List<Topic> topics, long revision, IntConsumer progress) {
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField()).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter w = new IndexWriter(directory, config)) {
            int n = 0;
            for (Passage p : passages) {
                w.addDocument(document(p, topics));
                if (progress != null) {
                    progress.accept(++n);
                }
            }
            w.setLiveCommitData(Map.of("revision", Long.toString(revision), "format", FORMAT).entrySet());
            w.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the index", e);
        }
        reopen();
    }

    /** Refreshes searching onto the latest commit; searches in flight finish on the one they hold. */
    private synchronized void reopen() {
        try {
            if (searchers == null) {
                searchers = new SearcherManager(directory, null);
            } else {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index", e);
        }
    }

    /** Runs a search on a searcher that stays valid for the whole call, even if the index is rebuilt meanwhile. */
    public <T> T search(SearchWork<T> work) {
        SearcherManager m;
        synchronized (this) {
            if (searchers == null) {
                reopen();
            }
            m = searchers;
        }
        try {
            IndexSearcher s = m.acquire();
            try {
                return work.run(s);
            } finally {
                m.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    public interface SearchWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private static Document document(Passage p, List<Topic> topics) {
        Document d = new Document();
        d.add(new StringField(ID, p.id(), Field.Store.YES));
        d.add(new StringField(SIDE, p.side().id(), Field.Store.NO));
        StringJoiner all = new StringJoiner("\n");
        for (Lang lang : Lang.values()) {
            StringJoiner text = new StringJoiner("\n");
            if (p.texts().containsKey(lang)) {
                text.add(p.texts().get(lang));
                all.add(p.texts().get(lang));
            }
            text.add(p.speaker());
            // Topic labels let a question about "the death toll" find passages that never use those words.
            for (String t : p.topics()) {
                topics.stream().filter(x -> x.id().equals(t)).findFirst().ifPresent(x -> text.add(x.label(lang)));
            }
            d.add(new TextField(field(lang), text.toString(), Field.Store.NO));
        }
        all.add(p.speaker());
        d.add(new TextField(Analyzers.TRANSLIT, all.toString(), Field.Store.NO));
        return d;
    }

    public static String field(Lang lang) {
        return switch (lang) {
            case RU -> Analyzers.RU;
            case EN -> Analyzers.EN;
            case KK -> Analyzers.KK;
        };
    }

    @Override
    public synchronized void close() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            directory.close();
        } catch (IOException ignored) {
            // nothing to flush: the index is committed after every rebuild
        }
    }
}
