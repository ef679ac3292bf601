package qantar.moderation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusWriter;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.corpus.Source;
import qantar.store.CorpusJson;
import qantar.store.CorpusStore;
import qantar.store.Database;
import qantar.store.Folders;
import qantar.store.SecretKey;
import qantar.store.Sql;
import qantar.store.StoreException;

/**
 * Everything moderators and administrators do, as services the bot (or any other front end)
 * calls with the acting user's id. Each call checks the role first, answers with a {@link Result}
 * naming a text in messages.yaml, and is written to the audit log, refused attempts included.
 * Nothing reaches the live corpus without a second moderator's approval (unless self-approval is
 * allowed in the settings); approval applies the change in one transaction and then tells the
 * program to reload, so answers use it at once.
 */
public final class Moderation {
    /**
     * @param selfApproval  whether a moderator may approve their own proposal (small teams); off by default
     * @param gapThreshold  retrieval coverage under which a question counts as a gap
     * @param recentDays    how far back /gaps and /stats look
     */
    public record Settings(boolean selfApproval, double gapThreshold, int recentDays) {
        public static final Settings DEFAULTS = new Settings(false, qantar.search.RetrievalSettings.DEFAULT.relevant(), 30);

        public Settings withSelfApproval(boolean allowed) {
            return new Settings(allowed, gapThreshold, recentDays);
        }
    }

    /** A pending proposal as the review queue shows it; {@code diff} is filled for edits. */
    public record ReviewItem(Proposal proposal, List<String> diff) {
    }

    /** A decision, with the author to tell about it. */
    public record Decision(Proposal proposal, long author, long revision) {
    }

    public static final int MAX_REASON_CHARS = 500;

    /** What the author of a decided proposal is told, from the message texts ({@code text}: key and arguments to words), at most 3,000 characters. */
    public static String authorNotice(Decision d, java.util.function.BiFunction<String, Object[], String> text) {
        Proposal p = d.proposal();
        String what = p.passageId() != null ? p.passageId() : p.sourceId();
        String s = "approved".equals(p.status())
                ? text.apply("mod.author_approved", new Object[] {"id", p.id(), "what", what, "revision", d.revision()})
                : text.apply("mod.author_rejected", new Object[] {"id", p.id(), "what", what, "reason", p.reviewReason() == null ? "" : p.reviewReason()});
        return s.length() > 3000 ? s.substring(0, 3000) + "…" : s;
    }
    private static final int REVIEW_LIMIT = 20;

    private final Database db;
    private final CorpusStore store;
    private final Supplier<Corpus> live;
    private final Settings settings;
    private final Runnable onCorpusChanged;
    private final Roles roles;
    private final AuditLog audit;
    private final Proposals proposals;
    private final Reports reports;
    private final Insights insights;

    /**
     * @param live            the live corpus as the answers use it now
     * @param onCorpusChanged called after an approved change is committed (e.g. Qantar::reload)
     */
    private final byte[] reporterKey;

    public Moderation(Database db, CorpusStore store, Supplier<Corpus> live, Settings settings, Runnable onCorpusChanged) {
        this.db = db;
        this.store = store;
        this.live = live;
        this.settings = settings;
        this.onCorpusChanged = onCorpusChanged;
        this.roles = new Roles(db);
        this.audit = new AuditLog(db);
        this.proposals = new Proposals(db);
        this.reports = new Reports(db);
        this.insights = new Insights(db);
        this.reporterKey = SecretKey.of(db).derive("reporters");
    }


    public AuditLog audit() {
        return audit;
    }

    public Settings settings() {
        return settings;
    }

    // ---- roles ----

    /** Reads QANTAR_ADMINS ("1001,1002"); throws IllegalArgumentException naming a bad entry. */
    public static List<Long> parseAdmins(String env) {
        return Roles.parseIds(env);
    }

    /** Makes these users administrators if no administrators were ever taken from QANTAR_ADMINS. */
    public boolean bootstrapAdmins(List<Long> admins) {
        boolean taken = roles.bootstrap(admins);
        if (taken) {
            admins.forEach(id -> audit.record(Roles.SYSTEM, "bootstrap_admin", user(id), "ok", "QANTAR_ADMINS"));
        }
        return taken;
    }

    /** The administrators, for notices the system sends them (not a command: no actor, no audit). */
    public List<Long> administrators() {
        return roles.withRole(Role.ADMIN);
    }

    public Role roleOf(long userId) {
        return roles.roleOf(userId);
    }

    public boolean isModerator(long userId) {
        return roleOf(userId).atLeast(Role.MODERATOR);
    }

    public boolean isAdmin(long userId) {
        return roleOf(userId) == Role.ADMIN;
    }

    /** Makes a citizen a moderator. Administrators only. */
    public Result<Long> grant(long actor, long target) {
        return act(actor, Role.ADMIN, "grant", user(target), () -> {
            if (target <= 0) {
                return Result.error("mod.bad_user");
            }
            Role now = roles.roleOf(target);
            if (now.atLeast(Role.MODERATOR)) {
                return Result.error("mod.already_moderator", "user", target);
            }
            roles.set(target, Role.MODERATOR, actor);
            return Result.ok("mod.granted", target, "user", target);
        });
    }

    /** Makes a user an administrator (to replace one, before revoking them). Administrators only. */
    public Result<Long> grantAdmin(long actor, long target) {
        return act(actor, Role.ADMIN, "grant_admin", user(target), () -> {
            if (target <= 0) {
                return Result.error("mod.bad_user");
            }
            if (roles.roleOf(target) == Role.ADMIN) {
                return Result.error("mod.already_admin", "user", target);
            }
            roles.set(target, Role.ADMIN, actor);
            return Result.ok("mod.granted_admin", target, "user", target);
        });
    }

    /**
     * Takes moderator or administrator rights back (a compromised administrator too). Administrators
     * only; the last administrator cannot be removed. The user's pending proposals are withdrawn
     * (rejected by the system, so nobody approves them later) and their console sessions end.
     */
    public Result<Long> revoke(long actor, long target) {
        return act(actor, Role.ADMIN, "revoke", user(target), () -> {
            if (target <= 0) {
                return Result.error("mod.bad_user");
            }
            Role now = roles.roleOf(target);
            if (now == Role.ADMIN && roles.withRole(Role.ADMIN).size() <= 1) {
                return Result.error("mod.last_admin", "user", target);
            }
            if (now != Role.MODERATOR && now != Role.ADMIN) {
                return Result.error("mod.not_moderator", "user", target);
            }
            roles.set(target, Role.CITIZEN, actor);
            int withdrawn = db.inTransaction(() -> {
                // their console sessions end now, not at their next request
                Sql.exec(db.connection(), "DELETE FROM console_sessions WHERE user_id = ?", target);
                return Sql.exec(db.connection(), "UPDATE mod_proposals SET status = 'rejected', reviewer = ?, reviewed_at = ?, "
                        + "review_reason = 'withdrawn: the author''s rights were revoked' WHERE author = ? AND status = 'pending'",
                        Roles.SYSTEM, java.time.Instant.now().toString(), target);
            });
            return Result.ok("mod.revoked", target, "user", target, "withdrawn", withdrawn);
        });
    }

    /** The moderators and administrators, for administrators only. */
    public Result<Map<Role, List<Long>>> team(long actor) {
        return act(actor, Role.ADMIN, "team", null, () -> {
            Map<Role, List<Long>> m = new EnumMap<>(Role.class);
            m.put(Role.ADMIN, roles.withRole(Role.ADMIN));
            m.put(Role.MODERATOR, roles.withRole(Role.MODERATOR));
            return Result.ok("mod.team", m);
        });
    }

    /** The audit log, filtered, newest first. Administrators only; reading it is logged too. */
    public Result<List<AuditLog.Entry>> auditLog(long actor, Long who, String action, String outcome, int limit) {
        return act(actor, Role.ADMIN, "audit", null,
                () -> Result.ok("mod.audit", audit.find(who, action, outcome, Math.max(1, Math.min(limit, 500)))));
    }

    // ---- proposals ----

    /**
     * The one-message proposal: "SOURCE_ID SIDE LANG" on the first line, optional field lines
     * (speaker:, topics:, quote:, said:, reason:), then the text. The speaker defaults to the
     * source's publisher, the topics to the one its passages use most.
     */
    public Result<Proposal> propose(long actor, String args) {
        return act(actor, Role.MODERATOR, "propose", null, () -> {
            ProposalText t = ProposalText.parse(args);
            String[] head = t.headWords();
            if (head.length != 3) {
                return Result.error("mod.propose_usage");
            }
            Corpus corpus = live.get();
            Source source = corpus.sourcesById().get(head[0].toLowerCase(Locale.ROOT));
            if (source == null) {
                return Result.error("mod.no_source", "source", head[0]);
            }
            Optional<Side> side = Side.fromId(head[1].toLowerCase(Locale.ROOT));
            if (side.isEmpty()) {
                return Result.error("mod.bad_side", "side", head[1], "sides", Side.allIds());
            }
            Optional<Lang> lang = Lang.fromCode(head[2]);
            if (lang.isEmpty()) {
                return Result.error("mod.bad_lang", "lang", head[2]);
            }
            if (t.text().isEmpty()) {
                return Result.error("mod.no_text");
            }
            if (t.fields().containsKey("quote") && t.quote() == null) {
                return Result.error("mod.bad_quote");
            }
            List<String> topics = t.topics() != null ? t.topics() : usualTopic(corpus, source.id());
            if (topics.isEmpty()) {
                return Result.error("mod.need_topics");
            }
            Map<Lang, String> publisher = new EnumMap<>(Lang.class);
            for (Lang l : Lang.values()) {
                publisher.put(l, source.publisher());
            }
            Map<Lang, String> speakers = Optional.ofNullable(t.speakers(publisher)).orElse(publisher);
            Lang original = lang.get().code().equals(source.language()) ? lang.get() : null;
            Passage draft = new Passage("draft", source.id(), side.get(), speakers.get(Lang.EN), topics, Map.of(lang.get(), t.text()),
                    original, Boolean.TRUE.equals(t.quote()), t.fields().get("said"), Map.of(),
                    t.asks(lang.get()), t.fields().get("same_as"), speakers);
            return proposeCreate(actor, draft, t.fields().getOrDefault("reason", "new passage"));
        });
    }

    /**
     * A new passage from typed fields (the console's form), checked and queued exactly as
     * /propose: its id is given here, whatever the draft's.
     */
    public Result<Proposal> proposeNew(long actor, Passage draft, String reason) {
        return act(actor, Role.MODERATOR, "propose", draft.sourceId(), () -> proposeCreate(actor, draft, reason));
    }

    /**
     * A changed passage from typed fields (the console's form), checked and queued exactly as
     * /edit. {@code baseDigest} is the version the form was made from: if the passage changed
     * since, the edit is refused rather than silently undoing the other change.
     */
    public Result<Proposal> proposeEdit(long actor, Passage changed, String baseDigest, String reason) {
        return act(actor, Role.MODERATOR, "edit", changed.id(), () -> {
            Optional<CorpusStore.Stored> stored = store.passage(changed.id());
            if (stored.isEmpty() || !stored.get().live()) {
                return Result.error("mod.no_passage", "passage", changed.id());
            }
            if (!stored.get().passage().sourceId().equals(changed.sourceId())) {
                return Result.error("console.same_source", "passage", changed.id());
            }
            if (baseDigest != null && !baseDigest.equals(stored.get().digest())) {
                return Result.error("console.stale_form", "passage", changed.id());
            }
            return proposeUpdateOf(actor, stored.get(), changed, reason);
        });
    }

    /** Synchronized so that two proposals made at once never get the same new passage id. */
    private synchronized Result<Proposal> proposeCreate(long actor, Passage draft, String reason) {
        Corpus corpus = live.get();
        Source source = corpus.sourcesById().get(draft.sourceId());
        if (source == null) {
            return Result.error("mod.no_source", "source", draft.sourceId());
        }
        String id = proposals.nextPassageId(source.id(), store.passageIds());
        Passage p = new Passage(id, draft.sourceId(), draft.side(), draft.speaker(), draft.topics(), draft.texts(),
                draft.original(), draft.quote(), draft.said(), draft.caution(), draft.asks(), draft.sameAs(), draft.speakers());
        List<String> errors = CorpusCheck.passage(corpus, source, p, taken(id));
        if (!errors.isEmpty()) {
            return Result.error("mod.invalid", "problems", String.join("\n", errors));
        }
        long pid = proposals.add(Proposal.Kind.CREATE, id, source.id(), CorpusJson.passage(p), null, reason(reason), actor);
        return Result.ok("mod.proposed", proposals.find(pid).orElseThrow(), "id", pid, "passage", id);
    }

    /**
     * "/edit PASSAGE_ID [LANG]" then optional field lines and the new text in LANG (by default
     * the passage's original language, else its first text).
     */
    public Result<Proposal> edit(long actor, String args) {
        return act(actor, Role.MODERATOR, "edit", null, () -> {
            ProposalText t = ProposalText.parse(args);
            String[] head = t.headWords();
            if (head.length < 1 || head.length > 2) {
                return Result.error("mod.edit_usage");
            }
            Optional<CorpusStore.Stored> stored = store.passage(head[0]);
            if (stored.isEmpty() || !stored.get().live()) {
                return Result.error("mod.no_passage", "passage", head[0]);
            }
            Passage old = stored.get().passage();
            Lang lang = old.original() != null ? old.original() : old.texts().keySet().stream().sorted().findFirst().orElse(Lang.RU);
            if (head.length == 2) {
                Optional<Lang> l = Lang.fromCode(head[1]);
                if (l.isEmpty()) {
                    return Result.error("mod.bad_lang", "lang", head[1]);
                }
                lang = l.get();
            }
            if (t.fields().containsKey("quote") && t.quote() == null) {
                return Result.error("mod.bad_quote");
            }
            Map<Lang, String> texts = new EnumMap<>(Lang.class);
            texts.putAll(old.texts());
            if (!t.text().isEmpty()) {
                texts.put(lang, t.text());
            }
            Map<Lang, List<String>> asks = new EnumMap<>(Lang.class);
            asks.putAll(old.asks());
            Map<Lang, List<String>> newAsks = t.asks(lang);
            if (newAsks != null) {
                asks.putAll(newAsks);
            }
            String sameAs = t.fields().getOrDefault("same_as", old.sameAs() == null ? "" : old.sameAs());
            Map<Lang, String> oldSpeakers = new EnumMap<>(Lang.class);
            for (Lang l : Lang.values()) {
                oldSpeakers.put(l, old.speaker(l));
            }
            Map<Lang, String> speakers = Optional.ofNullable(t.speakers(oldSpeakers)).orElse(oldSpeakers);
            Passage changed = new Passage(old.id(), old.sourceId(), old.side(), speakers.get(Lang.EN),
                    t.topics() != null ? t.topics() : old.topics(), texts, old.original(),
                    t.quote() != null ? t.quote() : old.quote(), t.fields().getOrDefault("said", old.said()), old.caution(),
                    asks, sameAs.isBlank() || sameAs.equals("-") ? null : sameAs, speakers);
            return proposeUpdateOf(actor, stored.get(), changed, t.fields().getOrDefault("reason", "edit"));
        });
    }

    private Result<Proposal> proposeUpdateOf(long actor, CorpusStore.Stored stored, Passage changed, String reason) {
        if (CorpusJson.passage(changed).equals(CorpusJson.passage(stored.passage()))) {
            return Result.error("mod.no_change", "passage", changed.id());
        }
        Corpus corpus = live.get();
        Source source = corpus.sourcesById().get(changed.sourceId());
        if (source == null) {
            return Result.error("mod.no_source", "source", changed.sourceId());
        }
        List<String> errors = CorpusCheck.passage(corpus, source, changed, taken(changed.id()));
        if (!errors.isEmpty()) {
            return Result.error("mod.invalid", "problems", String.join("\n", errors));
        }
        long pid = proposals.add(Proposal.Kind.UPDATE, changed.id(), changed.sourceId(), CorpusJson.passage(changed),
                stored.digest(), reason(reason), actor);
        return Result.ok("mod.proposed", proposals.find(pid).orElseThrow(), "id", pid, "passage", changed.id());
    }

    /** "/retire PASSAGE_ID REASON": proposes to take a passage out of the live corpus (kept in history). */
    public Result<Proposal> retire(long actor, String args) {
        String[] parts = words(args, 2);
        String target = parts.length > 0 ? parts[0] : null;
        return act(actor, Role.MODERATOR, "retire", target, () -> {
            if (parts.length < 2 || parts[1].isBlank()) {
                return Result.error("mod.retire_usage");
            }
            Optional<CorpusStore.Stored> stored = store.passage(parts[0]);
            if (stored.isEmpty() || !stored.get().live()) {
                return Result.error("mod.no_passage", "passage", parts[0]);
            }
            long pid = proposals.add(Proposal.Kind.RETIRE, parts[0], stored.get().passage().sourceId(), null,
                    stored.get().digest(), reason(parts[1]), actor);
            return Result.ok("mod.proposed", proposals.find(pid).orElseThrow(), "id", pid, "passage", parts[0]);
        });
    }

    /**
     * A source file in the knowledge/ format, sent as a document: validated as a whole (errors
     * with line numbers) and proposed as one batch, or nothing at all.
     */
    public Result<Proposal> upload(long actor, String fileName, String content) {
        return act(actor, Role.MODERATOR, "upload", fileName, () -> {
            CorpusCheck.Upload u = CorpusCheck.upload(fileName, content, live.get(), store, proposals.pendingPassageIds());
            if (!u.ok()) {
                return Result.error("mod.invalid_file", "file", fileName, "problems", u.problems());
            }
            long pid = proposals.add(Proposal.Kind.SOURCE, null, u.source().id(), content, null,
                    reason("upload of " + fileName), actor);
            return Result.ok("mod.uploaded", proposals.find(pid).orElseThrow(), "id", pid, "source", u.source().id(),
                    "created", u.creates().size(), "updated", u.updates().size());
        });
    }

    /** Passage ids a new or changed passage may not take: the corpus's and pending proposals', except its own. */
    private Set<String> taken(String own) {
        Set<String> taken = new HashSet<>(store.passageIds());
        taken.addAll(proposals.pendingPassageIds());
        taken.remove(own);
        return taken;
    }

    // ---- review ----

    /** The pending proposals, oldest first, each edit with its diff against the live passage. */
    public Result<List<ReviewItem>> review(long actor) {
        return act(actor, Role.MODERATOR, "review", null, () -> {
            List<ReviewItem> items = new ArrayList<>();
            for (Proposal p : proposals.pending()) {
                List<String> diff = List.of();
                if (p.kind() == Proposal.Kind.UPDATE) {
                    diff = store.passage(p.passageId()).map(s -> Diff.of(s.passage(), p.passage())).orElse(List.of());
                }
                items.add(new ReviewItem(p, diff));
                if (items.size() == REVIEW_LIMIT) {
                    break;
                }
            }
            return Result.ok(items.isEmpty() ? "mod.queue_empty" : "mod.queue", items, "count", items.size());
        });
    }

    public Result<Proposal> proposal(long actor, String id) {
        return act(actor, Role.MODERATOR, "show", id, () -> {
            Optional<Proposal> p = parseId(id).flatMap(proposals::find);
            return p.isEmpty() ? Result.error("mod.no_proposal", "id", id) : Result.ok("mod.proposal", p.get(), "id", p.get().id());
        });
    }

    /** Approves a proposal: it goes live at once. Another moderator's, unless self-approval is on. */
    public Result<Decision> approve(long actor, String id) {
        return act(actor, Role.MODERATOR, "approve", id, () -> {
            Optional<Proposal> found = parseId(id).flatMap(proposals::find);
            if (found.isEmpty()) {
                return Result.error("mod.no_proposal", "id", id);
            }
            Proposal p = found.get();
            if (!p.pending()) {
                return Result.error("mod.already_decided", "id", p.id(), "status", p.status());
            }
            if (p.author() == actor && !settings.selfApproval()) {
                return Result.refused("mod.self_approval", "id", p.id());
            }
            List<CorpusStore.Change> changes;
            try {
                changes = changes(p);
            } catch (InvalidNow e) {
                return Result.error("mod.invalid", "problems", e.getMessage());
            }
            long revision;
            try {
                revision = store.apply(changes, String.valueOf(p.author()),
                        p.reason() + " [proposal " + p.id() + ", approved by " + actor + "]",
                        c -> {
                            if (!Proposals.decide(c, p.id(), "approved", actor, null)) {
                                throw new CorpusStore.ChangeRefused("proposal " + p.id() + " was decided meanwhile");
                            }
                        });
            } catch (CorpusStore.ChangeRefused e) {
                return Result.error("mod.cannot_apply", "id", p.id(), "why", e.getMessage());
            }
            onCorpusChanged.run();
            Proposal decided = proposals.find(p.id()).orElseThrow();
            return Result.ok("mod.approved", new Decision(decided, p.author(), revision), "id", p.id(), "revision", revision);
        });
    }

    /** "/reject ID REASON": the proposal never goes live; its author is told why. */
    public Result<Decision> reject(long actor, String args) {
        String[] parts = words(args, 2);
        String target = parts.length > 0 ? parts[0] : null;
        return act(actor, Role.MODERATOR, "reject", target, () -> {
            if (parts.length < 2 || parts[1].isBlank()) {
                return Result.error("mod.reject_usage");
            }
            Optional<Proposal> found = parseId(parts[0]).flatMap(proposals::find);
            if (found.isEmpty()) {
                return Result.error("mod.no_proposal", "id", parts[0]);
            }
            Proposal p = found.get();
            if (!p.pending() || !proposals.decide(p.id(), "rejected", actor, reason(parts[1]))) {
                return Result.error("mod.already_decided", "id", p.id(), "status", p.status());
            }
            Proposal decided = proposals.find(p.id()).orElseThrow();
            return Result.ok("mod.rejected", new Decision(decided, p.author(), store.revision()), "id", p.id());
        });
    }

    private static final class InvalidNow extends RuntimeException {
        InvalidNow(String message) {
            super(message);
        }
    }

    /** The corpus changes a proposal stands for, checked again against the corpus as it is now. */
    private List<CorpusStore.Change> changes(Proposal p) {
        switch (p.kind()) {
            case CREATE:
                return List.of(new CorpusStore.Change.CreatePassage(p.passage()));
            case UPDATE:
                return List.of(new CorpusStore.Change.UpdatePassage(p.passage(), p.baseDigest()));
            case RETIRE:
                return List.of(new CorpusStore.Change.RetirePassage(p.passageId()));
            default:
                Set<String> pendingOthers = new HashSet<>();
                for (Proposal other : proposals.pending()) {
                    if (other.id() != p.id() && other.kind() == Proposal.Kind.CREATE) {
                        pendingOthers.add(other.passageId());
                    }
                }
                CorpusCheck.Upload u = CorpusCheck.upload(p.sourceId() + ".yaml", p.data(), live.get(), store, pendingOthers);
                if (!u.ok()) {
                    throw new InvalidNow(u.problems());
                }
                List<CorpusStore.Change> out = new ArrayList<>();
                out.add(new CorpusStore.Change.PutSource(u.source()));
                u.creates().forEach(x -> out.add(new CorpusStore.Change.CreatePassage(x)));
                for (Passage x : u.updates()) {
                    Optional<CorpusStore.Stored> s = store.passage(x.id());
                    if (s.isPresent() && !CorpusJson.passage(s.get().passage()).equals(CorpusJson.passage(x))) {
                        out.add(new CorpusStore.Change.UpdatePassage(x, s.get().digest()));
                    }
                }
                return out;
        }
    }

    // ---- history ----

    /** Every revision of a passage, oldest first: when, who, what, why. */
    public Result<List<CorpusStore.Revision>> history(long actor, String passageId) {
        return act(actor, Role.MODERATOR, "history", passageId, () -> {
            if (passageId == null || passageId.isBlank()) {
                return Result.error("mod.history_usage");
            }
            List<CorpusStore.Revision> h = store.history(passageId.strip());
            if (h.isEmpty()) {
                return Result.error("mod.no_passage", "passage", passageId.strip());
            }
            return Result.ok("mod.history", h, "passage", passageId.strip(), "count", h.size());
        });
    }

    /** One line per revision, plain text (the caller escapes it for its medium). */
    public static List<String> formatHistory(List<CorpusStore.Revision> revisions) {
        List<String> out = new ArrayList<>();
        for (CorpusStore.Revision r : revisions) {
            String at = r.createdAt().length() >= 16 ? r.createdAt().substring(0, 16).replace('T', ' ') : r.createdAt();
            out.add("#" + r.id() + " " + at + " · " + r.author() + " · " + r.action() + " · " + r.reason());
        }
        return out;
    }

    // ---- feedback ----

    /**
     * Stores a citizen's report on an answer. Anyone may report; the user is kept only as a
     * keyed hash (HMAC under a key outside the database, so the file alone names nobody). An
     * unknown answer id is an error.
     */
    public Result<Long> report(long citizen, String answerId, String reason, String comment) {
        Result<Long> r;
        String who = Reports.hash(reporterKey, citizen);
        if (answerId == null || !answerExists(answerId)) {
            r = Result.error("mod.no_answer", "id", answerId);
        } else if (reason == null || reason.isBlank()) {
            r = Result.error("mod.report_usage");
        } else {
            long id = reports.add(answerId, who, clip(reason), comment == null ? null : clip(comment));
            r = Result.ok("mod.reported", id, "id", id);
        }
        // a citizen's report is logged under the hash only: the log names moderators, not citizens
        audit.record(Roles.SYSTEM, "report", "answer " + answerId, r.status().name().toLowerCase(Locale.ROOT), r.key() + " by " + who);
        return r;
    }

    public Result<List<Reports.Report>> feedback(long actor) {
        return act(actor, Role.MODERATOR, "feedback", null, () -> {
            List<Reports.Report> open = reports.open(REVIEW_LIMIT);
            return Result.ok(open.isEmpty() ? "mod.feedback_empty" : "mod.feedback", open, "count", open.size());
        });
    }

    /** "ID fixed|not_an_issue [note]". */
    public Result<Reports.Report> resolve(long actor, String args) {
        String[] parts = words(args, 3);
        String target = parts.length > 0 ? "report " + parts[0] : null;
        return act(actor, Role.MODERATOR, "resolve", target, () -> {
            if (parts.length < 2 || !Reports.RESOLUTIONS.contains(parts[1].toLowerCase(Locale.ROOT))) {
                return Result.error("mod.resolve_usage");
            }
            Optional<Reports.Report> report = parseId(parts[0]).flatMap(reports::find);
            if (report.isEmpty()) {
                return Result.error("mod.no_report", "id", parts[0]);
            }
            String status = parts[1].toLowerCase(Locale.ROOT);
            if (!reports.resolve(report.get().id(), status, actor, parts.length > 2 ? clip(parts[2]) : null)) {
                return Result.error("mod.already_resolved", "id", report.get().id());
            }
            return Result.ok("mod.resolved", reports.find(report.get().id()).orElseThrow(), "id", report.get().id(), "status", status);
        });
    }

    // ---- gaps and stats ----

    public Result<List<Insights.Gap>> gaps(long actor, int limit) {
        return act(actor, Role.MODERATOR, "gaps", null, () -> {
            List<Insights.Gap> g = insights.gaps(settings.recentDays(), settings.gapThreshold(), Math.max(1, limit));
            return Result.ok(g.isEmpty() ? "mod.gaps_empty" : "mod.gaps", g, "days", settings.recentDays(), "count", g.size());
        });
    }

    public Result<Insights.Stats> stats(long actor) {
        return act(actor, Role.MODERATOR, "stats", null,
                () -> Result.ok("mod.stats", insights.stats(settings.recentDays()), "days", settings.recentDays()));
    }

    // ---- export ----

    /** Writes the live corpus in the knowledge/ format into a folder. Administrators only. */
    public Result<Integer> export(long actor, Path dir) {
        return act(actor, Role.ADMIN, "export", String.valueOf(dir), () -> {
            Corpus c = store.load();
            try {
                CorpusWriter.write(c, dir);
            } catch (IOException e) {
                return Result.error("mod.export_failed", "why", e.getMessage());
            }
            return Result.ok("mod.exported", c.passages().size(), "sources", c.sources().size(), "passages", c.passages().size());
        });
    }

    /** The same export as one zip file, to send as a document. Administrators only. */
    public Result<byte[]> exportZip(long actor) {
        return act(actor, Role.ADMIN, "export", "zip", () -> {
            Corpus c = store.load();
            Path tmp = null;
            try {
                tmp = Files.createTempDirectory("qantar-export");
                CorpusWriter.write(c, tmp);
                return Result.ok("mod.exported", zip(tmp), "sources", c.sources().size(), "passages", c.passages().size());
            } catch (IOException e) {
                return Result.error("mod.export_failed", "why", e.getMessage());
            } finally {
                deleteQuietly(tmp);
            }
        });
    }

    private static byte[] zip(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry("knowledge/" + dir.relativize(f).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Folders.delete(dir);
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    // ---- plumbing ----

    private interface Action<T> {
        Result<T> run();
    }

    /** Checks the role, runs the action, and logs both the attempt and its outcome. */
    /**
     * A moderation attempt turned away before it reached a service (a command in a group, a file
     * sent by a citizen): audited like every other refusal.
     */
    public Result<Void> refuseAttempt(long actor, String action, String why) {
        audit.record(actor, action, null, "refused", why);
        return Result.refused();
    }

    private <T> Result<T> act(long actor, Role needed, String action, String target, Action<T> work) {
        Result<T> r;
        if (!roles.roleOf(actor).atLeast(needed)) {
            r = Result.refused();
        } else {
            try {
                r = work.run();
            } catch (StoreException e) {
                audit.record(actor, action, target, "error", e.getMessage());
                throw e;
            }
        }
        String detail = r.key();
        if (r.value() instanceof Proposal p) {
            detail += " proposal " + p.id();
        } else if (r.value() instanceof Decision d) {
            detail += " proposal " + d.proposal().id();
        }
        audit.record(actor, action, target, r.status().name().toLowerCase(Locale.ROOT), detail);
        return r;
    }

    private boolean answerExists(String id) {
        return db.query(() -> Sql.one(db.connection(), "SELECT 1 FROM answers WHERE id = ?", rs -> true,
                id.strip().toLowerCase(Locale.ROOT)) != null);
    }

    private static List<String> usualTopic(Corpus corpus, String sourceId) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        corpus.passages().stream().filter(p -> p.sourceId().equals(sourceId))
                .forEach(p -> p.topics().forEach(t -> counts.merge(t, 1, Integer::sum)));
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(e -> List.of(e.getKey())).orElse(List.of());
    }

    /** A command's arguments as at most {@code limit} words, the last keeping the rest; none when blank. */
    private static String[] words(String args, int limit) {
        return args == null || args.isBlank() ? new String[0] : args.strip().split("\\s+", limit);
    }

    private static Optional<Long> parseId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String s = id.strip().replaceFirst("^[#pP]", "");
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "no reason given" : clip(reason.strip());
    }

    private static String clip(String s) {
        return s.length() > MAX_REASON_CHARS ? s.substring(0, MAX_REASON_CHARS) : s;
    }

    private static String user(long id) {
        return "user " + id;
    }
}
