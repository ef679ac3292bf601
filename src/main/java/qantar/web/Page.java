package qantar.web;

import java.util.List;
import qantar.config.Texts;
import qantar.corpus.Lang;

/**
 * What every page has: its language, title, preview tags and the texts of the frame. Templates
 * read everything through records like this one, so no template computes anything.
 */
public record Page(Lang lang, String title, List<Meta> meta, Texts texts) {
    /** An OpenGraph or Twitter card tag, so a shared link unfurls as a preview. */
    public record Meta(String property, String content) {
    }

    public String code() {
        return lang.code();
    }

    public String t(String key) {
        return texts.get(key, lang);
    }
}
