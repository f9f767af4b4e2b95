package dev.xiaoer.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
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
