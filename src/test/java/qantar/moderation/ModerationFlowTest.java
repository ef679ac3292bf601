package qantar.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import qantar.corpus.Lang;
import qantar.corpus.Side;
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
    static final PassageDraft CARS = Drafts.original("o29", Side.OFFICIAL, Lang.EN,
                    "On 9 January 2022 the Interior Ministry said 347 police cars had been burned in Almaty.")
            .withSpeakers(Drafts.speaker("Interior Ministry of Kazakhstan"))
            .withAsks(Map.of(Lang.EN, List.of("How many police cars were burned?", "What did the Interior Ministry say about burned police cars?")));
    static final String QUESTION = "How many police cars were burned in Almaty in January 2022?";

    @TempDir
    Path tmp;
    Qantar app;
    Moderation mod;

    @BeforeEach
    void open() {
        app = engine.app(tmp.resolve("data"));
        mod = moderation(Moderation.Settings.DEFAULTS);
        mod.team().bootstrapAdmins(Team.parseAdmins("1001"));
    }

    Moderation moderation(Moderation.Settings settings) {
        return Moderation.of(app.database(), app.corpusStore(), app.live()::corpus, settings, app.live()::reload);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private List<String> shown(String question) {
        return app.answers().answer(Question.of(question)).statements().stream().map(Statement::passageId).toList();
    }

    private void team() {
        assertThat(mod.team().grant(ADMIN, ALICE).ok()).isTrue();
        assertThat(mod.team().grant(ADMIN, BOB).ok()).isTrue();
    }

    @Test
    void aProposalApprovedByAnotherModeratorIsInTheNextAnswerAtOnce() {
        team();
        assertThat(shown(QUESTION)).noneMatch(id -> id.startsWith("o29-m"));

        Result<Proposal> proposed = mod.proposing().propose(ALICE, CARS, null);
        assertThat(proposed.ok()).as(proposed.toString()).isTrue();
        Proposal p = proposed.value();
        assertThat(p.passageId()).isEqualTo("o29-m1");
        assertThat(proposed.arg("id")).isEqualTo(String.valueOf(p.id()));
        assertThat(shown(QUESTION)).doesNotContain("o29-m1"); // not live before review

        Result<Review.Decision> approved = mod.review().approve(BOB, String.valueOf(p.id()));
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
        Proposal p = mod.proposing().propose(ALICE, CARS, null).value();

        Result<Review.Decision> approve = mod.review().approve(CITIZEN, String.valueOf(p.id()));
        Result<Long> grant = mod.team().grant(CITIZEN, CITIZEN);
        assertThat(List.of(approve, grant)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Result.Status.REFUSED);
            assertThat(r.key()).isEqualTo(Result.REFUSED_KEY);
            assertThat(r.nameValues()).isEmpty();
        });
        assertThat(mod.access().audit().latest(2)).extracting(AuditLog.Entry::actor, AuditLog.Entry::action, AuditLog.Entry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CITIZEN, "grant", "refused"),
                        org.assertj.core.groups.Tuple.tuple(CITIZEN, "approve", "refused"));
        assertThat(mod.access().roleOf(CITIZEN)).isEqualTo(Role.CITIZEN);
        assertThat(mod.review().queue(BOB).value()).extracting(i -> i.proposal().id()).containsExactly(p.id());
        assertThat(shown(QUESTION)).doesNotContain("o29-m1");
    }

    @Test
    void everyModeratorCommandRefusesACitizenAndLogsTheAttempt() {
        team();
        long pid = mod.proposing().propose(ALICE, CARS, null).value().id();
        String id = String.valueOf(pid);
        List<LongFunction<Result<?>>> commands = List.of(
                u -> mod.team().grant(u, 5005), u -> mod.team().revoke(u, ALICE), u -> mod.team().members(u),
                u -> mod.proposing().propose(u, CARS, null),
                u -> mod.proposing().edit(u, "o29-detained-4404", Drafts.text(Drafts.edited(mod, "o29-detained-4404"), Lang.EN, "new text"), null, null),
                u -> mod.proposing().retire(u, "o29-detained-4404", "wrong"), u -> mod.proposing().upload(u, "x.yaml", "id: x"),
                u -> mod.review().queue(u), u -> mod.review().proposal(u, id), u -> mod.review().approve(u, id), u -> mod.review().reject(u, id, "no"),
                u -> mod.review().history(u, "o29-detained-4404"), u -> mod.feedback().open(u), u -> mod.feedback().resolve(u, "1", "fixed", null),
                u -> mod.feedback().gaps(u, 10), u -> mod.feedback().stats(u), u -> mod.export().toFolder(u, tmp.resolve("out")), u -> mod.export().zip(u));
        long before = app.corpusStore().revision();
        int logged = mod.access().audit().latest(1000).size();
        for (LongFunction<Result<?>> command : commands) {
            Result<?> r = command.apply(CITIZEN);
            assertThat(r.status()).isEqualTo(Result.Status.REFUSED);
            assertThat(r.key()).isEqualTo(Result.REFUSED_KEY);
        }
        // administrators' commands are refused to moderators too
        assertThat(mod.team().grant(ALICE, 5005).status()).isEqualTo(Result.Status.REFUSED);
        assertThat(mod.team().revoke(ALICE, BOB).status()).isEqualTo(Result.Status.REFUSED);
        assertThat(mod.export().toFolder(ALICE, tmp.resolve("out")).status()).isEqualTo(Result.Status.REFUSED);

        assertThat(mod.access().audit().latest(1000)).hasSize(logged + commands.size() + 3)
                .first().extracting(AuditLog.Entry::outcome).isEqualTo("refused");
        assertThat(mod.access().audit().latest(commands.size() + 3)).allMatch(e -> e.outcome().equals("refused"));
        assertThat(app.corpusStore().revision()).isEqualTo(before);
        assertThat(tmp.resolve("out")).doesNotExist();
        assertThat(mod.access().roleOf(5005)).isEqualTo(Role.CITIZEN);
        assertThat(mod.review().queue(BOB).value()).hasSize(1);
    }

    @Test
    void aRejectedProposalNeverGoesLive() {
        team();
        long pid = mod.proposing().propose(ALICE, CARS, null).value().id();
        assertThat(mod.review().reject(BOB, pid + "", null).key()).isEqualTo("mod.reject_usage");
        Result<Review.Decision> rejected = mod.review().reject(BOB, pid + "", "the figure is not in the source");
        assertThat(rejected.ok()).isTrue();
        assertThat(rejected.value().proposal().reviewReason()).isEqualTo("the figure is not in the source");

        assertThat(mod.review().approve(ADMIN, pid + "").key()).isEqualTo("mod.already_decided");
        assertThat(shown(QUESTION)).doesNotContain("o29-m1");
        assertThat(app.corpusStore().passage("o29-m1")).isEmpty();
        assertThat(mod.review().queue(BOB).value()).isEmpty();
        // the next proposal does not reuse the rejected proposal's passage id
        assertThat(mod.proposing().propose(ALICE, CARS, null).value().passageId()).isEqualTo("o29-m2");
    }

    @Test
    void selfApprovalIsOffByDefaultAndCanBeAllowed() {
        team();
        long pid = mod.proposing().propose(ALICE, CARS, null).value().id();
        Result<Review.Decision> self = mod.review().approve(ALICE, "" + pid);
        assertThat(self.status()).isEqualTo(Result.Status.REFUSED);
        assertThat(self.key()).isEqualTo("mod.self_approval");
        assertThat(shown(QUESTION)).doesNotContain("o29-m1");

        Moderation smallTeam = moderation(Moderation.Settings.DEFAULTS.withSelfApproval(true));
        assertThat(smallTeam.review().approve(ALICE, "" + pid).ok()).isTrue();
        assertThat(shown(QUESTION)).contains("o29-m1");
    }

    @Test
    void anEditShowsItsDiffAndAnApprovedRetirementLeavesOnlyHistory() {
        team();
        Result<Proposal> edit = mod.proposing().edit(ALICE, "o29-detained-4404", Drafts.text(Drafts.edited(mod, "o29-detained-4404"), Lang.EN,
                "On 8 January 2022 the Interior Ministry said 4,404 people had been detained in the unrest."), null, "the ministry's wording");
        assertThat(edit.ok()).as(edit.toString()).isTrue();
        Review.ReviewItem item = mod.review().queue(BOB).value().get(0);
        assertThat(item.diff()).containsExactly(
                "- text.en: On 8 January 2022 the Interior Ministry said 4,404 people had been detained.",
                "+ text.en: On 8 January 2022 the Interior Ministry said 4,404 people had been detained in the unrest.");
        assertThat(mod.review().approve(BOB, "p" + edit.value().id()).ok()).isTrue();
        assertThat(app.live().corpus().passagesById().get("o29-detained-4404").texts().get(qantar.corpus.Lang.EN)).endsWith("in the unrest.");

        assertThat(mod.proposing().retire(ALICE, "o29-detained-4404", null).key()).isEqualTo("mod.retire_usage");
        long retire = mod.proposing().retire(ALICE, "o29-detained-4404", "superseded by the prosecutor's figure").value().id();
        assertThat(mod.review().approve(BOB, "#" + retire).ok()).isTrue();
        assertThat(app.live().corpus().passagesById()).doesNotContainKey("o29-detained-4404");
        assertThat(shown("How many were detained?")).doesNotContain("o29-detained-4404");

        Result<List<CorpusStore.Revision>> history = mod.review().history(BOB, "o29-detained-4404");
        assertThat(history.value()).extracting(CorpusStore.Revision::action, CorpusStore.Revision::author).containsExactly(
                org.assertj.core.groups.Tuple.tuple("create", "import"), org.assertj.core.groups.Tuple.tuple("update", "2002"),
                org.assertj.core.groups.Tuple.tuple("retire", "2002"));
        List<String> lines = history.value().stream().map(CorpusStore.Revision::reason).toList();
        assertThat(lines.get(1)).isEqualTo("the ministry's wording [proposal " + edit.value().id() + ", approved by 3003]");
        assertThat(lines.get(2)).contains("superseded by the prosecutor's figure");
    }

    @Test
    void anEditMadeStaleByAnotherApprovedEditIsNotApplied() {
        team();
        long first = mod.proposing().edit(ALICE, "o29-detained-4404", Drafts.edited(mod, "o29-detained-4404")
                .withSpeakers(Drafts.speaker("Ministry of Internal Affairs")), null, null).value().id();
        long second = mod.proposing().edit(BOB, "o29-detained-4404", Drafts.edited(mod, "o29-detained-4404")
                .withSpeakers(Drafts.speaker("MVD")), null, null).value().id();
        assertThat(mod.review().approve(BOB, "" + first).ok()).isTrue();
        Result<Review.Decision> stale = mod.review().approve(ALICE, "" + second);
        assertThat(stale.key()).isEqualTo("mod.cannot_apply");
        assertThat(app.live().corpus().passagesById().get("o29-detained-4404").speaker()).isEqualTo("Ministry of Internal Affairs");
        assertThat(mod.review().queue(ALICE).value()).extracting(i -> i.proposal().id()).containsExactly(second);
    }

    @Test
    void aDraftWithoutSpeakersOrTopicsTakesItsSourcesPublisherAndUsualTopic() {
        team();
        Result<Proposal> r = mod.proposing().propose(ALICE, Drafts.original("o29", Side.OFFICIAL, Lang.EN, "The ministry counted 347 burned police cars.")
                .withAsks(Map.of(Lang.EN, List.of("How many police cars were burned?", "What did the ministry count?"))), " ");
        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(r.value().passage().speakers()).containsEntry(Lang.RU, "Armradio").containsEntry(Lang.EN, "Armradio");
        assertThat(r.value().passage().topics()).containsExactly("detentions");
        assertThat(r.value().reason()).isEqualTo("new passage");
    }

    @Test
    void badDraftsGetClearAnswersAndCreateNothing() {
        team();
        assertThat(mod.proposing().propose(ALICE, Drafts.original("nosuch", Side.OFFICIAL, Lang.EN, "text"), null).key()).isEqualTo("mod.no_source");
        Result<Proposal> badTopic = mod.proposing().propose(ALICE,
                Drafts.original("o29", Side.OFFICIAL, Lang.EN, "Some text.").withTopics(List.of("weather")), null);
        assertThat(badTopic.key()).isEqualTo("mod.invalid");
        assertThat(badTopic.arg("problems")).contains("unknown topic 'weather'");
        Result<Proposal> longQuote = mod.proposing().propose(ALICE,
                Drafts.original("o29", Side.OFFICIAL, Lang.EN, "word ".repeat(30).strip()).withQuote(true), null);
        assertThat(longQuote.arg("problems")).contains("at most 25");
        assertThat(mod.review().queue(BOB).value()).isEmpty();
    }

    @Test
    void grantAndRevokeAreKeptAndAdministratorsComeFromTheEnvironmentOnlyOnce() {
        team();
        assertThat(mod.access().isModerator(ALICE)).isTrue();
        assertThat(mod.access().isAdmin(ALICE)).isFalse();
        assertThat(mod.team().grant(ADMIN, ALICE).key()).isEqualTo("mod.already_moderator");
        assertThat(mod.team().revoke(ADMIN, ADMIN).key()).isEqualTo("mod.last_admin");
        Proposal pending = mod.proposing().propose(ALICE, CARS, null).value();
        Result<Long> revoked = mod.team().revoke(ADMIN, ALICE);
        assertThat(revoked.ok()).isTrue();
        assertThat(revoked.arg("withdrawn")).isEqualTo("1");
        assertThat(mod.review().approve(BOB, String.valueOf(pending.id())).ok()).as("a revoked author's proposal is withdrawn").isFalse();
        assertThat(mod.proposing().propose(ALICE, CARS, null).status()).isEqualTo(Result.Status.REFUSED);


        // a later start with another QANTAR_ADMINS does not make anyone an administrator
        Moderation restarted = moderation(Moderation.Settings.DEFAULTS);
        assertThat(restarted.team().bootstrapAdmins(List.of(9009L))).isFalse();
        assertThat(restarted.access().isAdmin(9009)).isFalse();
        assertThat(restarted.access().isAdmin(ADMIN)).isTrue();
        assertThat(restarted.access().roleOf(BOB)).isEqualTo(Role.MODERATOR);
    }

    @Test
    void aCompromisedAdministratorIsRemovedByAnotherButTheLastOneStays() {
        team();
        assertThat(mod.team().grantAdmin(BOB, CITIZEN).status()).isEqualTo(Result.Status.REFUSED);
        assertThat(mod.team().grantAdmin(ADMIN, BOB).ok()).isTrue();
        assertThat(mod.team().revoke(BOB, ADMIN).ok()).isTrue();
        assertThat(mod.access().isAdmin(ADMIN)).isFalse();
        assertThat(mod.team().revoke(BOB, BOB).key()).isEqualTo("mod.last_admin");
        assertThat(mod.access().audit().find(ADMIN, "grant_admin", "ok", 5)).isNotEmpty();
    }

    @Test
    void everyActionIsInTheAuditLog() {
        team();
        long pid = mod.proposing().propose(ALICE, CARS, null).value().id();
        mod.review().queue(BOB);
        mod.review().approve(BOB, "" + pid);
        mod.review().history(BOB, "o29-m1");
        assertThat(mod.access().audit().latest(100)).extracting(AuditLog.Entry::actor, AuditLog.Entry::action, AuditLog.Entry::target,
                AuditLog.Entry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BOB, "history", "o29-m1", "ok"),
                org.assertj.core.groups.Tuple.tuple(BOB, "approve", "" + pid, "ok"),
                org.assertj.core.groups.Tuple.tuple(BOB, "review", null, "ok"),
                org.assertj.core.groups.Tuple.tuple(ALICE, "propose", "o29", "ok"),
                org.assertj.core.groups.Tuple.tuple(ADMIN, "grant", "user 3003", "ok"),
                org.assertj.core.groups.Tuple.tuple(ADMIN, "grant", "user 2002", "ok"),
                org.assertj.core.groups.Tuple.tuple(0L, "bootstrap_admin", "user 1001", "ok"));
        assertThat(mod.access().audit().latest(100).get(3).detail()).isEqualTo("mod.proposed proposal " + pid);
    }
}
