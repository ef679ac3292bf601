package qantar.telegram.citizen;

import static qantar.telegram.render.Html.b;
import static qantar.telegram.render.Html.esc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import qantar.config.Texts;
import qantar.corpus.Corpus;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.corpus.Source;
import qantar.corpus.TimelineItem;
import qantar.moderation.Role;
import qantar.telegram.render.Button;
import qantar.telegram.render.Html;
import qantar.telegram.route.CommandRegistry;
import qantar.telegram.route.Reply;
import qantar.telegram.route.Request;

/** /sources [side] and /timeline: the corpus, a page at a time, turned with ◀ ▶ buttons that edit the message. */
final class CorpusBrowser {
    static final int PAGE = 8;

    private final Texts texts;
    private final Supplier<Corpus> corpus;

    CorpusBrowser(Texts texts, Supplier<Corpus> corpus) {
        this.texts = texts;
        this.corpus = corpus;
    }

    void register(CommandRegistry r) {
        r.command("sources", "tg.cmd.sources", this::sources);
        r.command("timeline", "tg.cmd.timeline", (req, reply) -> {
            Page p = timelinePage(req.lang(), 0);
            reply.html(p.html(), p.buttons());
        });
        r.callback("pg", Role.CITIZEN, this::turn);
    }

    record Page(String html, List<List<Button>> buttons) {
    }

    private void sources(Request req, Reply reply) {
        String arg = req.args().strip().toLowerCase(java.util.Locale.ROOT);
        Optional<Side> side = arg.isEmpty() ? Optional.empty() : Side.fromId(arg);
        if (!arg.isEmpty() && side.isEmpty()) {
            side = matchLabel(arg);
            if (side.isEmpty()) {
                reply.html(esc(req.text("tg.unknown_side", "side", Html.cut(req.args().strip(), 40), "ids", Side.allIds())));
                return;
            }
        }
        Page p = sourcesPage(req.lang(), side.map(Side::id).orElse("all"), 0);
        reply.html(p.html(), p.buttons());
    }

    private Optional<Side> matchLabel(String arg) {
        for (Side s : Side.values()) {
            for (Lang l : Lang.values()) {
                if (texts.label(s, l).toLowerCase(java.util.Locale.ROOT).startsWith(arg)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /** Callback data "pg:src:SIDE:N" or "pg:tl:N". */
    private void turn(Request req, String args, Reply reply) {
        String[] p = args.split(":");
        Page page;
        try {
            if (p.length == 3 && p[0].equals("src")) {
                page = sourcesPage(req.lang(), p[1], Integer.parseInt(p[2]));
            } else if (p.length == 2 && p[0].equals("tl")) {
                page = timelinePage(req.lang(), Integer.parseInt(p[1]));
            } else {
                reply.answerCallback(req.text("tg.button_outdated"));
                return;
            }
        } catch (NumberFormatException e) {
            reply.answerCallback(req.text("tg.button_outdated"));
            return;
        }
        reply.answerCallback(null);
        if (req.chatId() != null) {
            reply.editOrSend(req.messageId(), page.html(), page.buttons());
        }
    }

    Page sourcesPage(Lang ui, String sideId, int page) {
        Corpus c = corpus.get();
        Optional<Side> side = Side.fromId(sideId);
        Map<String, Set<Side>> sidesOf = new java.util.HashMap<>();
        for (Passage p : c.passages()) {
            sidesOf.computeIfAbsent(p.sourceId(), k -> new LinkedHashSet<>()).add(p.side());
        }
        List<Source> list = c.sources().stream()
                .filter(s -> side.isEmpty() || sidesOf.getOrDefault(s.id(), Set.of()).contains(side.get()))
                .sorted(java.util.Comparator.comparing(Source::date).thenComparing(Source::id)).toList();
        String title = side.map(s -> texts.emoji(s) + " " + b(texts.get("tg.sources_side_title", ui, "side", texts.label(s, ui), "count", list.size())))
                .orElse(b(texts.get("tg.sources_title", ui, "count", list.size())));
        int pages = Math.max(1, (list.size() + PAGE - 1) / PAGE);
        int n = Math.max(0, Math.min(page, pages - 1));
        StringBuilder s = new StringBuilder(title).append('\n');
        for (int i = n * PAGE; i < Math.min(list.size(), (n + 1) * PAGE); i++) {
            Source src = list.get(i);
            StringBuilder marks = new StringBuilder();
            sidesOf.getOrDefault(src.id(), Set.of()).forEach(x -> marks.append(texts.emoji(x)));
            s.append('\n').append(i + 1).append(". ").append(marks).append(' ').append(Html.link(src.url(), Html.cut(src.title(), 200)))
                    .append("\n   ").append(esc(Html.cut(src.publisher(), 150))).append(", ").append(esc(src.date()));
        }
        if (list.isEmpty()) {
            s.append('\n').append(esc(texts.get("tg.no_sources", ui)));
        }
        s.append("\n\n").append(Html.i(texts.get("tg.page", ui, "page", n + 1, "pages", pages)));
        return new Page(s.toString(), nav("pg:src:" + (side.isPresent() ? side.get().id() : "all") + ":", n, pages));
    }

    Page timelinePage(Lang ui, int page) {
        Corpus c = corpus.get();
        List<TimelineItem> items = c.timeline().stream().sorted(java.util.Comparator.comparing(TimelineItem::date)).toList();
        if (items.isEmpty()) {
            return new Page(b(texts.get("tg.timeline_title", ui)) + "\n\n" + esc(texts.get("tg.timeline_empty", ui)), List.of());
        }
        Map<String, Passage> passages = c.passagesById();
        Map<String, Source> sources = c.sourcesById();
        int pages = (items.size() + PAGE - 1) / PAGE;
        int n = Math.max(0, Math.min(page, pages - 1));
        StringBuilder s = new StringBuilder(b(texts.get("tg.timeline_title", ui))).append('\n');
        for (int i = n * PAGE; i < Math.min(items.size(), (n + 1) * PAGE); i++) {
            TimelineItem item = items.get(i);
            String title = java.util.Objects.requireNonNullElse(Lang.pick(item.title(), ui), "");
            s.append("\n<b>").append(esc(item.date())).append("</b> — ").append(esc(Html.cut(title, 300)));
            List<String> links = new ArrayList<>();
            for (String pid : item.passageIds()) {
                Passage p = passages.get(pid);
                Source src = p == null ? null : sources.get(p.sourceId());
                if (src != null && links.size() < 4) {
                    links.add(texts.emoji(p.side()) + " " + Html.link(src.url(), Html.cut(src.publisher(), 40)));
                }
            }
            if (!links.isEmpty()) {
                s.append("\n   ").append(String.join(" · ", links));
            }
        }
        s.append("\n\n").append(Html.i(texts.get("tg.page", ui, "page", n + 1, "pages", pages)));
        return new Page(s.toString(), nav("pg:tl:", n, pages));
    }

    private static List<List<Button>> nav(String prefix, int page, int pages) {
        List<Button> row = new ArrayList<>();
        if (page > 0) {
            row.add(Button.callback("◀ " + page, prefix + (page - 1)));
        }
        if (page < pages - 1) {
            row.add(Button.callback((page + 2) + " ▶", prefix + (page + 1)));
        }
        return row.isEmpty() ? List.of() : List.of(row);
    }
}
