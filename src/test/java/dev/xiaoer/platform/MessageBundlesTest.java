package dev.xiaoer.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every text a user sees exists in English and in Simplified Chinese: each bundle has both, with the same keys. */
class MessageBundlesTest {

    static Stream<String> bundles() throws IOException {
        return Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath:messages/*.properties"))
                .map(Resource::getFilename)
                .filter(name -> !name.contains("_"))
                .map(name -> name.substring(0, name.length() - ".properties".length()));
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyEnglishTextHasAChineseOneAndTheOtherWayRound(String bundle) throws IOException {
        var english = load("messages/" + bundle + ".properties");
        var chinese = load("messages/" + bundle + "_zh_CN.properties");

        var missingInChinese = new TreeSet<>(english.stringPropertyNames());
        missingInChinese.removeAll(chinese.stringPropertyNames());
        var missingInEnglish = new TreeSet<>(chinese.stringPropertyNames());
        missingInEnglish.removeAll(english.stringPropertyNames());
        assertThat(missingInChinese).as("keys of %s without a Chinese text", bundle).isEmpty();
        assertThat(missingInEnglish).as("keys of %s_zh_CN without an English text", bundle).isEmpty();
    }

    /**
     * A text with arguments goes through {@link MessageFormat}, where a lone apostrophe starts a quotation
     * and swallows what follows: "the workspace's zone ({0})" would show "{0}" to the user. Write it "''".
     */
    @ParameterizedTest
    @MethodSource("bundles")
    void everyArgumentOfATextReachesTheUser(String bundle) throws IOException {
        for (var path : List.of("messages/" + bundle + ".properties", "messages/" + bundle + "_zh_CN.properties")) {
            var texts = load(path);
            for (var key : texts.stringPropertyNames()) {
                var text = texts.getProperty(key);
                var indexes = ARGUMENT.matcher(text).results().map(m -> Integer.parseInt(m.group(1))).toList();
                if (indexes.isEmpty()) {
                    continue;
                }
                var arguments = new Object[indexes.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1];
                Arrays.fill(arguments, -1);
                var shown = new MessageFormat(text, Locale.ROOT).format(arguments);
                assertThat(ARGUMENT.matcher(shown).results().map(MatchResult::group)).as("%s in %s: %s", key, path, shown)
                        .isEmpty();
            }
        }
    }

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)[,}]");

    private static Properties load(String path) throws IOException {
        var properties = new Properties();
        var stream = MessageBundlesTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(stream).as(path).isNotNull();
        try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
