package dev.xiaoer.nlu;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.Locale;

/**
 * Which language a customer writes in (Lingua), among the languages a shop selling at home and
 * abroad is likely to meet. Answers an ISO 639-1 code such as {@code zh} or {@code en}, or
 * {@link #UNKNOWN} when the text has no letters or is too short or mixed to tell.
 * <p>
 * Lingua decides most scripts by rule (Han is Chinese unless it has kana) and loads the statistical
 * model of a Latin-script language only when a text needs it.
 */
public final class Languages {

    public static final String UNKNOWN = "und";

    private static final LanguageDetector DETECTOR = LanguageDetectorBuilder.fromLanguages(
                    Language.CHINESE, Language.ENGLISH, Language.JAPANESE, Language.KOREAN,
                    Language.SPANISH, Language.PORTUGUESE, Language.FRENCH, Language.GERMAN,
                    Language.RUSSIAN, Language.ARABIC, Language.THAI, Language.VIETNAMESE,
                    Language.INDONESIAN, Language.MALAY)
            .withMinimumRelativeDistance(0.05)
            .build();

    private Languages() {
    }

    public static String detect(String text) {
        if (text == null || text.codePoints().noneMatch(Character::isLetter)) {
            return UNKNOWN;
        }
        Language language = DETECTOR.detectLanguageOf(text);
        return language == Language.UNKNOWN ? UNKNOWN : language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }
}
