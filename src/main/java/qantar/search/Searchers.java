package qantar.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;

/**
 * The searchers of the passage index: opened on the first search or commit, published anew after
 * each commit, while searches in flight finish on the searcher they acquired.
 */
final class Searchers {
    private final Directory directory;
    private final Object opening = new Object();
    private volatile SearcherManager manager;

    Searchers(Directory directory) {
        this.directory = directory;
    }

    /** Publishes the latest commit to searches; those in flight finish on the searcher they hold. */
    void refresh() {
        try {
            synchronized (opening) {
                if (manager == null) {
                    manager = new SearcherManager(directory, null);
                    return;
                }
            }
            manager.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index", e);
        }
    }

    <T> T search(PassageIndex.SearchWork<T> work) {
        SearcherManager m = manager;
        try {
            if (m == null) {
                synchronized (opening) {
                    if (manager == null) {
                        manager = new SearcherManager(directory, null);
                    }
                    m = manager;
                }
            }
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

    void close() throws IOException {
        if (manager != null) {
            manager.close();
        }
    }
}
