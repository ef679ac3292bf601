package qantar.search;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import qantar.corpus.Lang;

/**
 * A kind of question ("how many", "why", "is it true that"), recognised by its words. Frame words
 * are never the question's subject: they are matched only against the questions passages answer
 * (asks), and the frame may prefer some passages among those that cover the subject equally.
 *
 * @param phrases     per language, each phrase as folded words; a word ending in '*' matches by its start
 * @param figure      prefers passages that give a figure ("how many")
 * @param textPattern prefers passages whose text matches (a prison term for "what sentence"), or null
 * @param topics      prefers passages of these topics ("how did it begin": the course of events)
 * @param timeline    prefers the passages the timeline cites: the curated key items of the events
 * @param standsAlone the frame alone is a question about the events ("what happened?", "briefly")
 * @param claim       the frame puts a claim ("is it true that", "admit that"): beside a subject the
 *                    glossary names, the claim's other words ("paid", "banner") are its wording, not its subject
 */
public record Frame(String id, Map<Lang, List<List<String>>> phrases, boolean figure, Pattern textPattern,
                    List<String> topics, boolean timeline, boolean standsAlone, boolean claim) {
    public Frame {
        phrases = Map.copyOf(phrases);
        topics = List.copyOf(topics);
    }
}
