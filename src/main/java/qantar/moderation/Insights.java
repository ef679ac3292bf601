package qantar.moderation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import qantar.answer.Answer;
import qantar.answer.AnswerJson;
import qantar.store.Database;
import qantar.store.Sql;

/**
 * What the answers tell moderators: questions the corpus could not answer (gaps) and how the bot
 * is used (stats). Built from the question log and the answers, which hold no user ids: nothing here names a
 * citizen, and digits and handles that might identify one are masked in the questions shown.
 */
public final class Insights {
    /** A question (normalised and masked) that found little or nothing, with how often it came. */
    public record Gap(String question, int count, double bestScore, String lastAsked, boolean outOfScope) {
    }

    public record Stats(int days, Map<String, Integer> questionsPerDay, Map<String, Integer> languages,
                        Map<String, Integer> sidesShown, int nothingShown, Map<String, Integer> reports) {
    }

    private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+\\.\\S+");
    private static final Pattern HANDLE = Pattern.compile("@\\w+");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d[\\d\\s-]{4,}\\d");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}#@]+");

    private final Database db;

    Insights(Database db) {
        this.db = db;
    }

    private record Asked(String question, double score, String at, String data) {
    }

    private List<Asked> since(int days) {
        String from = Instant.now().minus(days, ChronoUnit.DAYS).toString();
        return db.query(() -> Sql.list(db.connection(),
                "SELECT a.question, a.best_score, q.asked_at, a.data FROM question_log q JOIN answers a ON a.id = q.answer_id "
                        + "WHERE q.asked_at >= ? ORDER BY q.asked_at",
                rs -> new Asked(rs.getString(1), rs.getDouble(2), rs.getString(3), rs.getString(4)), from));
    }

    List<Gap> gaps(int days, double threshold, int limit) {
        record Acc(int[] count, double[] best, String[] last, boolean[] outOfScope) { }
        Map<String, Acc> groups = new LinkedHashMap<>();
        for (Asked a : since(days)) {
            if (a.score() >= threshold) {
                continue;
            }
            String key = normalise(a.question());
            if (key.isEmpty()) {
                continue;
            }
            boolean inScope = AnswerJson.read(a.data()).inScope();
            Acc acc = groups.computeIfAbsent(key, k -> new Acc(new int[1], new double[1], new String[1], new boolean[] {true}));
            acc.count()[0]++;
            acc.best()[0] = Math.max(acc.best()[0], a.score());
            acc.last()[0] = a.at();
            acc.outOfScope()[0] &= !inScope;
        }
        List<Gap> out = new ArrayList<>();
        groups.forEach((q, acc) -> out.add(new Gap(q, acc.count()[0], acc.best()[0], acc.last()[0], acc.outOfScope()[0])));
        out.sort(Comparator.comparingInt(Gap::count).reversed().thenComparing(Gap::lastAsked, Comparator.reverseOrder()));
        return out.subList(0, Math.min(limit, out.size()));
    }

    Stats stats(int days) {
        Map<String, Integer> perDay = new TreeMap<>();
        Map<String, Integer> languages = new TreeMap<>();
        Map<String, Integer> sides = new TreeMap<>();
        int nothing = 0;
        for (Asked a : since(days)) {
            Answer answer = AnswerJson.read(a.data());
            perDay.merge(a.at().substring(0, 10), 1, Integer::sum);
            languages.merge(answer.language().code(), 1, Integer::sum);
            answer.sidesShown().forEach(s -> sides.merge(s.id(), 1, Integer::sum));
            if (answer.statements().isEmpty()) {
                nothing++;
            }
        }
        Map<String, Integer> reports = new TreeMap<>();
        db.query(() -> Sql.list(db.connection(), "SELECT status, COUNT(*) FROM mod_reports GROUP BY status",
                rs -> reports.put(rs.getString(1), rs.getInt(2))));
        return new Stats(days, perDay, languages, sides, nothing, reports);
    }

    /** One form for the same question asked differently: lower case, no punctuation, masked. */
    static String normalise(String question) {
        String q = EMAIL.matcher(question).replaceAll("@");
        q = HANDLE.matcher(q).replaceAll("@");
        q = LONG_NUMBER.matcher(q).replaceAll("#");
        return NOT_WORD.matcher(q.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
