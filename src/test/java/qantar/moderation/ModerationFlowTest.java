package qantar.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.answer.Answer;
import qantar.answer.Question;
import qantar.answer.Statement;
import qantar.app.Qantar;
import qantar.store.CorpusStore;
import qantar.testing.Engine;

/** The whole path on a real store (SQLite and PostgreSQL), a real index and the real answer service over the fixture corpus. */
@ParameterizedClass
@EnumSource(Engine.class)
class ModerationFlowTest {
    @Parameter
    Engine engine;

    static final long ADMIN = 1001;
    static final long ALICE = 2002;
    static final long BOB = 3003;
    static final long CITIZEN = 4004;
    static final String CARS = "o29 official en\n"
            + "speaker: Interior Ministry of Kazakhstan\n"
            + "asks: How many police cars were burned? | What did the Interior Ministry say about burned police cars?\n"
            + "On 9 January 2022 the Interior Ministry said 347 police cars had been burned in Almaty.";
    static final String QUESTION = "How many police cars were burned in Almaty in January 2022?";

    @TempDir
    Path tmp;
    Qantar app;
    Moderation mod;

    @BeforeEach
    void open() {
        app = engine.app(tmp.resolve("data"));
        mod = moderation(Moderation.Settings.DEFAULTS);
        mod.bootstrapAdmins(Moderation.parseAdmins("1001"));
    }

    Moderation moderation(Moderation.Settings settings) {
        return new Moderation(app.database(), app.corpusStore(), app::corpus, settings, app::reload);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private List<String> shown(String question) {
        return app.answers().answer(Question.of(question)).statements().stream().map(Statement::passageId).toList();
    }

    private void team() {
        assertThat(mod.grant(ADMIN, ALICE).ok()).isTrue();
        assertThat(mod.grant(ADMIN, BOB).ok()).isTrue();
    }

    @Test
    void aProposalApprovedByAnotherModeratorIsInTheNextAnswerAtOnce() {
        team();
        assertThat(shown(QUESTION)).noneMatch(id -> id.startsWith("o29-m"));

        Result<Proposal> proposed = mod.propose(ALICE, CARS);
        assertThat(proposed.ok()).as(proposed.toString()).isTrue();
        Proposal p = proposed.value();
        assertThat(p.passageId()).isEqualTo("o29-m1");
        assertThat(proposed.arg("id")).isEqualTo(String.valueOf(p.id()));
        assertThat(shown(QUESTION)).doesNotContain("o29-m1"); // not live before review

        Result<Moderation.Decision> approved = mod.approve(BOB, String.valueOf(p.id()));
        assertThat(approved.ok()).as(approved.toString()).isTrue();
        assertThat(approved.value().author()).isEqualTo(ALICE);

        Answer a = app.answers().answer(Question.of(QUESTION));
        assertThat(a.statements()).extracting(Statement::passageId).contains("o29-m1");
        assertThat(a.statements()).filteredOn(s -> s.passageId().equals("o29-m1"))
                .extracting(Statement::speaker).containsExactly("Interior Ministry of Kazakhstan");
        assertThat(app.corpusStore().history("o29-m1")).singleElement().satisfies(r -> {
            assertThat(r.author()).isEqualTo("2002");
            assertThat(r.reason()).contains("approved by 3003");
        });
    }

    @Test
    void aCitizensApproveOrGrantChangesNothingAndRevealsNobody() {
        team();
        Proposal p = mod.propose(ALICE, CARS).value();

        Result<Moderation.Decision> approve = mod.approve(CITIZEN, String.valueOf(p.id()));
        Result<Long> grant = mod.grant(CITIZEN, CITIZEN);
        assertThat(List.of(approve, grant)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Result.Status.REFUSED);
            assertThat(r.key()).isEqualTo(Result.REFUSED_KEY);
            assertThat(r.nameValues()).isEmpty();
        });
        assertThat(mod.audit().latest(2)).extracting(AuditLog.Entry::actor, AuditLog.Entry::action, AuditLog.Entry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CITIZEN, "grant", "refused"),
                        org.assertj.core.groups.Tuple.tuple(CITIZEN, "approve", "refused"));
        assertThat(mod.roleOf(CITIZEN)).isEqualTo(Role.CITIZEN);
        assertThat(mod.review(BOB).value()).extracting(i -> i.proposal().id()).containsExactly(p.id());
        assertThat(shown(QUESTION)).doesNotContain("o29-m1");
    }

    @Test
    void everyModeratorCommandRefusesACitizenAndLogsTheAttempt() {
        team();
        long pid = mod.propose(ALICE, CARS).value().id();
        String id = String.valueOf(pid);
        List<LongFunction<Result<?>>> commands = List.of(
                u -> mod.grant(u, 5005), u -> mod.revoke(u, ALICE), u -> mod.team(u),
                u -> mod.propose(u, CARS), u -> mod.edit(u, "o29-detained-4404\nnew text"),
                u -> mod.retire(u, "o29-detained-4404 wrong"), u -> mod.upload(u, "x.yaml", "id: x"),
                u -> mod.review(u), u -> mod.proposal(u, id), u -> mod.approve(u, id), u -> mod.reject(u, id + " no"),
                u -> mod.history(u, "o29-detained-4404"), u -> mod.feedback(u), u -> mod.resolve(u, "1 fixed"),
                u -> mod.gaps(u, 10), u -> mod.stats(u), u -> mod.export(u, tmp.resolve("out")), u -> mod.exportZip(u));
        long before = app.corpusStore().revision();
        int logged = mod.audit().latest(1000).size();
        for (LongFunction<Result<?>> command : commands) {
            Result<?> r = command.apply(CITIZEN);
            assertThat(r.status()).isEqualTo(Result.Status.REFUSED);
            assertThat(r.key()).isEqualTo(Result.REFUSED_KEY);
        }
        // administrators' commands are refused to moderators too
        assertThat(mod.grant(ALICE, 5005).status()).isEqualTo(Result.Status.REFUSED);
        assertThat(mod.revoke(ALICE, BOB).status()).isEqualTo(Result.Status.REFUSED);
        assertThat(mod.export(ALICE, tmp.resolve("out")).status()).isEqualTo(Result.Status.REFUSED);

        assertThat(mod.audit().latest(1000)).hasSize(logged + commands.size() + 3)
                .first().extracting(AuditLog.Entry::outcome).isEqualTo("refused");
        assertThat(mod.audit().latest(commands.size() + 3)).allMatch(e -> e.outcome().equals("refused"));
        assertThat(app.corpusStore().revision()).isEqualTo(before);
        assertThat(tmp.resolve("out")).doesNotExist();
        assertThat(mod.roleOf(5005)).isEqualTo(Role.CITIZEN);
        assertThat(mod.review(BOB).value()).hasSize(1);
    }

    @Test
    void aRejectedProposalNeverGoesLive() {
        team();
        long pid = mod.propose(ALICE, CARS).value().id();
        assertThat(mod.reject(BOB, pid + "").key()).isEqualTo("mod.reject_usage");
        Result<Moderation.Decision> rejected = mod.reject(BOB, pid + " the figure is not in the source");
        assertThat(rejected.ok()).isTrue();
        assertThat(rejected.value().proposal().reviewReason()).isEqualTo("the figure is not in the source");

        assertThat(mod.approve(ADMIN, pid + "").key()).isEqualTo("mod.already_decided");
        assertThat(shown(QUESTION)).doesNotContain("o29-m1");
        assertThat(app.corpusStore().passage("o29-m1")).isEmpty();
        assertThat(mod.review(BOB).value()).isEmpty();
        // the next proposal does not reuse the rejected proposal's passage id
        assertThat(mod.propose(ALICE, CARS).value().passageId()).isEqualTo("o29-m2");
    }

    @Test
    void selfApprovalIsOffByDefaultAndCanBeAllowed() {
        team();
        long pid = mod.propose(ALICE, CARS).value().id();
        Result<Moderation.Decision> self = mod.approve(ALICE, "" + pid);
        assertThat(self.status()).isEqualTo(Result.Status.REFUSED);
        assertThat(self.key()).isEqualTo("mod.self_approval");
        assertThat(shown(QUESTION)).doesNotContain("o29-m1");

        Moderation smallTeam = moderation(Moderation.Settings.DEFAULTS.withSelfApproval(true));
        assertThat(smallTeam.approve(ALICE, "" + pid).ok()).isTrue();
        assertThat(shown(QUESTION)).contains("o29-m1");
    }

    @Test
    void anEditShowsItsDiffAndAnApprovedRetirementLeavesOnlyHistory() {
        team();
        Result<Proposal> edit = mod.edit(ALICE, "o29-detained-4404 en\nreason: the ministry's wording\n"
                + "On 8 January 2022 the Interior Ministry said 4,404 people had been detained in the unrest.");
        assertThat(edit.ok()).as(edit.toString()).isTrue();
        Moderation.ReviewItem item = mod.review(BOB).value().get(0);
        assertThat(item.diff()).containsExactly(
                "- text.en: On 8 January 2022 the Interior Ministry said 4,404 people had been detained.",
                "+ text.en: On 8 January 2022 the Interior Ministry said 4,404 people had been detained in the unrest.");
        assertThat(mod.approve(BOB, "p" + edit.value().id()).ok()).isTrue();
        assertThat(app.corpus().passagesById().get("o29-detained-4404").texts().get(qantar.corpus.Lang.EN)).endsWith("in the unrest.");

        assertThat(mod.retire(ALICE, "o29-detained-4404").key()).isEqualTo("mod.retire_usage");
        long retire = mod.retire(ALICE, "o29-detained-4404 superseded by the prosecutor's figure").value().id();
        assertThat(mod.approve(BOB, "#" + retire).ok()).isTrue();
        assertThat(app.corpus().passagesById()).doesNotContainKey("o29-detained-4404");
        assertThat(shown("How many were detained?")).doesNotContain("o29-detained-4404");

        Result<List<CorpusStore.Revision>> history = mod.history(BOB, "o29-detained-4404");
        assertThat(history.value()).extracting(CorpusStore.Revision::action, CorpusStore.Revision::author).containsExactly(
                org.assertj.core.groups.Tuple.tuple("create", "import"), org.assertj.core.groups.Tuple.tuple("update", "2002"),
                org.assertj.core.groups.Tuple.tuple("retire", "2002"));
        List<String> lines = Moderation.formatHistory(history.value());
        assertThat(lines.get(1)).contains("2002 · update · the ministry's wording [proposal " + edit.value().id() + ", approved by 3003]");
        assertThat(lines.get(2)).contains("superseded by the prosecutor's figure");
    }

    @Test
    void anEditMadeStaleByAnotherApprovedEditIsNotApplied() {
        team();
        long first = mod.edit(ALICE, "o29-detained-4404\nspeaker: Ministry of Internal Affairs").value().id();
        long second = mod.edit(BOB, "o29-detained-4404\nspeaker: MVD").value().id();
        assertThat(mod.approve(BOB, "" + first).ok()).isTrue();
        Result<Moderation.Decision> stale = mod.approve(ALICE, "" + second);
        assertThat(stale.key()).isEqualTo("mod.cannot_apply");
        assertThat(app.corpus().passagesById().get("o29-detained-4404").speaker()).isEqualTo("Ministry of Internal Affairs");
        assertThat(mod.review(ALICE).value()).extracting(i -> i.proposal().id()).containsExactly(second);
    }

    @Test
    void badOneMessageProposalsGetClearAnswersAndCreateNothing() {
        team();
        assertThat(mod.propose(ALICE, "o29 official").key()).isEqualTo("mod.propose_usage");
        assertThat(mod.propose(ALICE, "nosuch official en\ntext").key()).isEqualTo("mod.no_source");
        assertThat(mod.propose(ALICE, "o29 government en\ntext").key()).isEqualTo("mod.bad_side");
        assertThat(mod.propose(ALICE, "o29 official de\ntext").key()).isEqualTo("mod.bad_lang");
        assertThat(mod.propose(ALICE, "o29 official en").key()).isEqualTo("mod.no_text");
        Result<Proposal> badTopic = mod.propose(ALICE, "o29 official en\ntopics: weather\nSome text.");
        assertThat(badTopic.key()).isEqualTo("mod.invalid");
        assertThat(badTopic.arg("problems")).contains("unknown topic 'weather'");
        Result<Proposal> longQuote = mod.propose(ALICE, "o29 official en\nquote: yes\n" + "word ".repeat(30));
        assertThat(longQuote.arg("problems")).contains("at most 25");
        assertThat(mod.review(BOB).value()).isEmpty();
    }

    @Test
    void grantAndRevokeAreKeptAndAdministratorsComeFromTheEnvironmentOnlyOnce() {
        team();
        assertThat(mod.isModerator(ALICE)).isTrue();
        assertThat(mod.isAdmin(ALICE)).isFalse();
        assertThat(mod.grant(ADMIN, ALICE).key()).isEqualTo("mod.already_moderator");
        assertThat(mod.revoke(ADMIN, ADMIN).key()).isEqualTo("mod.last_admin");
        Proposal pending = mod.propose(ALICE, CARS).value();
        Result<Long> revoked = mod.revoke(ADMIN, ALICE);
        assertThat(revoked.ok()).isTrue();
        assertThat(revoked.arg("withdrawn")).isEqualTo("1");
        assertThat(mod.approve(BOB, String.valueOf(pending.id())).ok()).as("a revoked author's proposal is withdrawn").isFalse();
        assertThat(mod.propose(ALICE, CARS).status()).isEqualTo(Result.Status.REFUSED);


        // a later start with another QANTAR_ADMINS does not make anyone an administrator
        Moderation restarted = moderation(Moderation.Settings.DEFAULTS);
        assertThat(restarted.bootstrapAdmins(List.of(9009L))).isFalse();
        assertThat(restarted.isAdmin(9009)).isFalse();
        assertThat(restarted.isAdmin(ADMIN)).isTrue();
        assertThat(restarted.roleOf(BOB)).isEqualTo(Role.MODERATOR);
    }

    @Test
    void aCompromisedAdministratorIsRemovedByAnotherButTheLastOneStays() {
        team();
        assertThat(mod.grantAdmin(BOB, CITIZEN).status()).isEqualTo(Result.Status.REFUSED);
        assertThat(mod.grantAdmin(ADMIN, BOB).ok()).isTrue();
        assertThat(mod.revoke(BOB, ADMIN).ok()).isTrue();
        assertThat(mod.isAdmin(ADMIN)).isFalse();
        assertThat(mod.revoke(BOB, BOB).key()).isEqualTo("mod.last_admin");
        assertThat(mod.audit().find(ADMIN, "grant_admin", "ok", 5)).isNotEmpty();
    }

    @Test
    void everyActionIsInTheAuditLog() {
        team();
        long pid = mod.propose(ALICE, CARS).value().id();
        mod.review(BOB);
        mod.approve(BOB, "" + pid);
        mod.history(BOB, "o29-m1");
        assertThat(mod.audit().latest(100)).extracting(AuditLog.Entry::actor, AuditLog.Entry::action, AuditLog.Entry::target,
                AuditLog.Entry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BOB, "history", "o29-m1", "ok"),
                org.assertj.core.groups.Tuple.tuple(BOB, "approve", "" + pid, "ok"),
                org.assertj.core.groups.Tuple.tuple(BOB, "review", null, "ok"),
                org.assertj.core.groups.Tuple.tuple(ALICE, "propose", null, "ok"),
                org.assertj.core.groups.Tuple.tuple(ADMIN, "grant", "user 3003", "ok"),
                org.assertj.core.groups.Tuple.tuple(ADMIN, "grant", "user 2002", "ok"),
                org.assertj.core.groups.Tuple.tuple(0L, "bootstrap_admin", "user 1001", "ok"));
        assertThat(mod.audit().latest(100).get(3).detail()).isEqualTo("mod.proposed proposal " + pid);
    }
}
