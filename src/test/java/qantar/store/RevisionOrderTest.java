package qantar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.testing.Engine;
import qantar.testing.Fixture;

/**
 * Two moderators' changes committed at once on PostgreSQL, where revision ids are handed out at
 * insert: the later one must not commit while the earlier is open, or an instance that read the
 * later revision would load "everything above it" and never see the earlier change. (SQLite has
 * one writer at a time, so ids commit in order there anyway.)
 */
class RevisionOrderTest {
    @TempDir
    Path tmp;

    @Test
    void aChangeWaitsForAnEarlierOneSoThatAFollowerMissesNeither() throws Exception {
        Path dir = tmp.resolve("data");
        try (Database first = Engine.POSTGRESQL.open(dir); Database second = Engine.POSTGRESQL.open(dir);
                Database follower = Engine.POSTGRESQL.open(dir)) {
            CorpusStore a = new CorpusStore(first);
            a.importCorpus(CorpusReader.read(Fixture.knowledge()).orThrow(), "test", null);
            CorpusStore f = new CorpusStore(follower);
            Corpus known = f.load();
            long before = f.revision();
            Passage p1 = known.passages().get(0);
            Passage p2 = known.passages().get(1);

            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread earlier = new Thread(() -> {
                try {
                    a.apply(List.of(new CorpusStore.Change.UpdatePassage(edited(p1), a.passage(p1.id()).orElseThrow().digest())), "alice",
                            "first", c -> {
                                inside.countDown();
                                try {
                                    release.await(30, TimeUnit.SECONDS); // still open while the other change tries to commit
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            });
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            earlier.start();
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            CorpusStore b = new CorpusStore(second);
            Thread later = new Thread(() -> {
                try {
                    b.updatePassage(edited(p2), b.passage(p2.id()).orElseThrow().digest(), "bob", "second");
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            later.start();
            // the later change either committed (the gap) or waits for the earlier one's lock
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (later.isAlive() && !waitingForALock(follower) && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(f.revision()).as("no revision is visible while an earlier one is still open").isEqualTo(before);
            release.countDown();
            earlier.join(30_000);
            later.join(30_000);
            assertThat(failed.get()).isNull();

            Set<String> changed = new HashSet<>();
            f.loadSince(known, before, changed);
            assertThat(changed).containsExactlyInAnyOrder(p1.id(), p2.id());
        }
    }

    private static boolean waitingForALock(Database db) {
        return db.query(() -> {
            try (Statement s = db.connection().createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'")) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        });
    }

    private static Passage edited(Passage p) {
        Map<Lang, String> texts = new EnumMap<>(Lang.class);
        texts.putAll(p.texts());
        texts.put(Lang.EN, p.texts().getOrDefault(Lang.EN, "") + " (edited)");
        return new Passage(p.id(), p.sourceId(), p.side(), p.speaker(), p.topics(), texts, p.original(), p.quote(), p.said(), p.caution(),
                p.asks(), p.sameAs(), p.speakers());
    }
}
