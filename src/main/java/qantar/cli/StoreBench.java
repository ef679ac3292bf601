package qantar.cli;

import static qantar.cli.BenchNumbers.round;
import static qantar.measure.Percentiles.ofUnsorted;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import qantar.answer.Question;
import qantar.app.Progress;
import qantar.app.Qantar;
import qantar.eval.EvalItem;
import qantar.eval.EvalSet;
import qantar.store.Database;

/**
 * {@code bench --stores}: fresh answers per second through the whole answer path (retrieval,
 * composition, the stored answer and the question log) for one instance on SQLite, one on
 * PostgreSQL and two on the same PostgreSQL database, each instance answering on as many threads
 * as serve's workers. The ratios to SQLite in the same run are the steady figures on a shared
 * machine. An "instance" here is a program of its own (its store connection, index and retriever)
 * in this JVM: the two share this machine's cores, as two processes on it would.
 */
final class StoreBench {
    /** Threads answering per instance: serve's default number of workers. */
    static final int THREADS = 4;

    private final Path knowledge;
    private final Path config;
    private final Database.Location server;
    private final int rounds;

    StoreBench(Path knowledge, Path config, Database.Location server, int rounds) {
        this.knowledge = knowledge;
        this.config = config;
        this.server = server;
        this.rounds = rounds;
    }

    Map<String, Object> run(Path data) throws Exception {
        List<EvalItem> questions = EvalSet.read(knowledge.resolve("eval/dev.yaml"));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("questions", questions.size());
        report.put("rounds", rounds);
        report.put("threads_per_instance", THREADS);
        Result sqlite;
        try (Qantar one = open(data.resolve("sqlite"), Database.Location.sqlite(data.resolve("sqlite")))) {
            sqlite = answer(List.of(one), questions);
        }
        sqlite.report("sqlite_1", report, sqlite);
        // a schema of its own for each run: the bench never touches the tables of the database it is given
        String schema = "qantar_bench_" + ProcessHandle.current().pid();
        try {
            Result pg1;
            try (Qantar one = open(data.resolve("pg1"), inSchema(schema + "_1"))) {
                pg1 = answer(List.of(one), questions);
            }
            pg1.report("postgresql_1", report, sqlite);
            Result pg2;
            Database.Location shared = inSchema(schema + "_2");
            try (Qantar a = open(data.resolve("pg2a"), shared); Qantar b = open(data.resolve("pg2b"), shared)) {
                pg2 = answer(List.of(a, b), questions);
            }
            pg2.report("postgresql_2", report, sqlite);
        } finally {
            dropSchema(schema + "_1");
            dropSchema(schema + "_2");
        }
        return report;
    }

    private Qantar open(Path dir, Database.Location where) {
        return Qantar.open(dir, where, knowledge, config, Progress.NONE);
    }

    /**
     * Every instance answers on {@link #THREADS} threads until {@code rounds} times the questions
     * are answered in all. Each text is numbered by its round, so every answer is composed and
     * stored afresh, and no two instances ever answer the same text.
     */
    private Result answer(List<Qantar> instances, List<EvalItem> questions) throws InterruptedException {
        for (Qantar app : instances) {
            for (EvalItem q : questions) {
                app.answers().answer(new Question(q.question(), q.lang(), java.util.Set.of())); // warm-up
            }
        }
        int total = rounds * questions.size();
        double[] latency = new double[total];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (Qantar app : instances) {
            for (int t = 0; t < THREADS; t++) {
                threads.add(new Thread(() -> {
                    for (int k; (k = next.getAndIncrement()) < total && failed.get() == null; ) {
                        EvalItem q = questions.get(k % questions.size());
                        String text = q.question().replaceFirst("\\?$", "") + " (" + (k / questions.size() + 1) + ")?";
                        long s = System.nanoTime();
                        try {
                            app.answers().answer(new Question(text, q.lang(), java.util.Set.of()));
                        } catch (RuntimeException e) {
                            failed.compareAndSet(null, e);
                        }
                        latency[k] = (System.nanoTime() - s) / 1e6;
                    }
                }, "bench-answer"));
            }
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("an answer failed", failed.get());
        }
        return new Result(total / ((System.nanoTime() - start) / 1e9), latency);
    }

    private record Result(double perSecond, double[] latency) {
        void report(String name, Map<String, Object> out, Result sqlite) {
            out.put(name + "_answers_per_s", round(perSecond));
            out.put(name + "_answer_ms_p50", round(ofUnsorted(latency, 50)));
            out.put(name + "_answer_ms_p95", round(ofUnsorted(latency, 95)));
            if (this != sqlite) {
                out.put(name + "_to_sqlite_ratio", round(perSecond / sqlite.perSecond));
            }
        }
    }

    private Database.Location inSchema(String schema) throws SQLException {
        exec("CREATE SCHEMA " + schema);
        String url = server.url() + (server.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Database.Location(url, server.user(), server.password());
    }

    private void dropSchema(String schema) {
        try {
            exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("warning: could not drop the bench schema " + schema + ": " + e.getMessage());
        }
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.url(), server.credentials()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
