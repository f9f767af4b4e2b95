package dev.xiaoer.automation.domain;

import dev.xiaoer.automation.CannedReplyText;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which language version of a canned reply a ticket gets: the first preference with a text of exactly
 * its language (zh-CN for zh-CN), else of the same language (zh-CN for zh-TW), trying the customer's
 * language before the agent's; when none fits, the first text written.
 */
public final class LanguageChoice {

    private LanguageChoice() {
    }

    /** @param preferences language tags, most wanted first; {@code null}s are skipped */
    public static Optional<CannedReplyText> best(List<CannedReplyText> texts, List<String> preferences) {
        for (var preference : preferences) {
            if (preference == null || preference.isBlank()) {
                continue;
            }
            var wanted = Locale.forLanguageTag(preference);
            var exact = texts.stream()
                    .filter(text -> Locale.forLanguageTag(text.language()).equals(wanted)).findFirst();
            if (exact.isPresent()) {
                return exact;
            }
            var sameLanguage = texts.stream()
                    .filter(text -> Objects.equals(Locale.forLanguageTag(text.language()).getLanguage(),
                            wanted.getLanguage()))
                    .findFirst();
            if (sameLanguage.isPresent()) {
                return sameLanguage;
            }
        }
        return texts.stream().findFirst();
    }
}
