package qantar.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small corpus written for the Telegram tests: three sides on the death toll (none from
 * Mlechin's book), one passage with characters HTML must escape, and an optional timeline.
 */
final class TestCorpus {
    static final String TOLL_RU = "Сколько человек погибло во время январских событий?";

    private TestCorpus() {
    }

    /** Adds {@code n} small sources of named other voices, so lists need more than one page. */
    static void addOtherVoices(Path dir, int n) {
        try {
            for (int i = 1; i <= n; i++) {
                Files.writeString(dir.resolve("sources/x" + i + ".yaml"), """
                        id: x%1$d
                        title: Wire report %1$d on detentions
                        publisher: Wire service %1$d
                        date: "2022-01-%2$02d"
                        url: https://example.org/wire/%1$d
                        language: en
                        side: other
                        passages:
                          - id: x%1$d-detained
                            side: other
                            speaker: {en: "Wire service %1$d", ru: "Информагентство %1$d", kk: "Ақпарат агенттігі %1$d"}
                            topics: [detentions]
                            original: en
                            text:
                              en: Wire service %1$d reported detentions after the January events.
                            asks:
                              en: ["What did wire service %1$d report?", "Were people detained after the January events?"]
                        """.formatted(i, 10 + i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, boolean withTimeline) {
        try {
            Files.createDirectories(dir.resolve("sources"));
            Files.writeString(dir.resolve("topics.yaml"), """
                    - id: death_toll
                      label: {en: Death toll, ru: Число погибших, kk: Қаза болғандар саны}
                    - id: detentions
                      label: {en: Detentions, ru: Задержания, kk: Ұсталғандар}
                    """);
            Files.writeString(dir.resolve("glossary.yaml"), """
                    - anchor: true
                      terms: [январские события, январских событий, Қаңтар оқиғасы, January events]
                    - terms: [погибли, погибших, погибло, died, dead, killed, қаза болды, қаза]
                    - terms: [задержаны, задержанных, задержали, detained, arrested, ұсталды]
                    - context: true
                      terms: [человек, людей, people, адам]
                    """);
            Files.writeString(dir.resolve("timeline.yaml"), withTimeline ? """
                    - date: "2022-01-15"
                      title: {en: The Prosecutor General reports 225 dead, ru: Генпрокуратура сообщает о 225 погибших, kk: Бас прокуратура 225 адам қаза болғанын хабарлайды}
                      passages: [t1-toll-225]
                    - date: "2022-01-05"
                      title: {en: The government resigns, ru: Отставка правительства, kk: Үкімет отставкаға кетті}
                      passages: [t2-ten-killed]
                    """ : "[]\n");
            Files.writeString(dir.resolve("sources/t1.yaml"), """
                    id: t1
                    title: Генпрокуратура назвала число погибших
                    publisher: novostey.com
                    date: "2022-01-15"
                    url: https://example.org/news/t1?a=1&b=2
                    language: ru
                    side: official
                    passages:
                      - id: t1-toll-225
                        side: official
                        speaker: {en: "Prosecutor General's Office of Kazakhstan", ru: "Генеральная прокуратура Казахстана", kk: "Қазақстан Бас прокуратурасы"}
                        topics: [death_toll]
                        original: ru
                        text:
                          ru: 15 января 2022 года Генпрокуратура сообщила, что в морги доставлены тела 225 погибших во время январских событий.
                          en: On 15 January 2022 the Prosecutor General's Office said 225 dead had been delivered to morgues after the January events.
                          kk: 2022 жылғы 15 қаңтарда Бас прокуратура қаңтар оқиғасы кезінде 225 адам қаза болғанын хабарлады.
                        asks:
                          ru: ["Сколько человек погибло по данным Генпрокуратуры?", "Сколько погибших доставили в морги?"]
                          en: ["How many died according to the Prosecutor General?", "How many dead were delivered to morgues?"]
                          kk: ["Бас прокуратура бойынша қанша адам қаза болды?", "Моргқа қанша қаза болған адам жеткізілді?"]
                      - id: t1-detained
                        side: official
                        speaker: {en: "Prosecutor General's Office of Kazakhstan", ru: "Генеральная прокуратура Казахстана", kk: "Қазақстан Бас прокуратурасы"}
                        topics: [detentions]
                        original: ru
                        text:
                          ru: Генпрокуратура сообщила, что после январских событий задержаны 4404 человека.
                          en: The Prosecutor General's Office said 4,404 people were detained after the January events.
                        asks:
                          ru: ["Сколько человек задержали?", "Что Генпрокуратура сообщила о задержанных?"]
                          en: ["How many people were detained?", "What did the Prosecutor General say about detentions?"]
                    """);
            Files.writeString(dir.resolve("sources/t2.yaml"), """
                    id: t2
                    title: "Kazakhstan: <Killings> & Arrests"
                    publisher: Human Rights Watch
                    date: "2022-01-26"
                    url: https://example.org/hrw/t2
                    language: en
                    side: hrw
                    passages:
                      - id: t2-ten-killed
                        side: hrw
                        speaker: {en: "Human Rights Watch <HRW> & partners", ru: "Human Rights Watch <HRW> и партнёры", kk: "Human Rights Watch <HRW> және серіктестері"}
                        topics: [death_toll]
                        original: en
                        text:
                          en: HRW documented at least ten people killed <by security forces> & said the death toll of the January events needs an independent inquiry.
                          ru: HRW задокументировала не менее десяти человек, погибших <от рук силовиков> & заявила, что число погибших во время январских событий требует независимого расследования.
                        asks:
                          en: ["How many killings did HRW document?", "What does HRW say about the death toll?"]
                          ru: ["Сколько убитых задокументировала HRW?", "Что HRW говорит о числе погибших?"]
                    """);
            Files.writeString(dir.resolve("sources/t3.yaml"), """
                    id: t3
                    title: Список погибших
                    publisher: Независимое издание
                    date: "2022-02"
                    url: https://example.org/list/t3
                    language: ru
                    side: independent
                    passages:
                      - id: t3-toll-263
                        side: independent
                        speaker: {en: "Independent journalists", ru: "Независимые журналисты", kk: "Тәуелсіз журналистер"}
                        topics: [death_toll]
                        original: ru
                        text:
                          ru: Независимый список называет 263 погибших во время январских событий, среди них дети.
                          en: An independent list names 263 people who died in the January events, children among them.
                        asks:
                          ru: ["Сколько погибших в независимом списке?", "Были ли среди погибших дети?"]
                          en: ["How many dead does the independent list name?", "Were children among the dead?"]
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
