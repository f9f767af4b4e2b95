package dev.xiaoer.assistant.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xiaoer assistant eval} on small sets written for the test (a byte-order mark, quoted fields,
 * out-of-scope examples), with the real models.
 */
class AssistantEvalTest {

    private static final Pattern ACCURACY = Pattern.compile("accuracy\\s+([0-9.]+) %");

    @TempDir
    Path folder;

    record Run(int status, String out, String err) {
        double accuracy() {
            var matcher = ACCURACY.matcher(out);
            assertThat(matcher.find()).as(out).isTrue();
            return Double.parseDouble(matcher.group(1));
        }
    }

    @Test
    void scoresAnIntentSetWithOutOfScopeExamples() throws Exception {
        var run = run("assistant", "eval", "--train", fixture("intents-train.csv"), "--test", fixture("intents-test.csv"));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("36 examples", "12 examples", "macro-F1", "out-of-scope precision",
                "out-of-scope recall", "calibration error", "latency per query", "training time", "bge-small-en-v1.5-q",
                "chosen on", "held-out accuracy");
        assertThat(run.accuracy()).isGreaterThanOrEqualTo(75);
    }

    @Test
    void scoresQuestionPairsInChinese() throws Exception {
        var run = run("assistant", "eval", "--pairs", "--train", fixture("pairs-train.csv"), "--test", fixture("pairs-test.csv"));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("20 pairs", "8 pairs", "bge-small-zh-v1.5-q", "threshold", "latency per query");
        assertThat(run.accuracy()).isGreaterThanOrEqualTo(75);
    }

    @Test
    void badUsageAndBadFilesAreRefusedWithAReason() throws Exception {
        var missing = run("assistant", "eval", "--train", fixture("intents-train.csv"));
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("both --train and --test are needed", "usage: xiaoer assistant eval");

        var absent = run("assistant", "eval", "--train", folder.resolve("nope.csv").toString(), "--test", fixture("intents-test.csv"));
        assertThat(absent.status()).isEqualTo(2);
        assertThat(absent.err()).contains("nope.csv: no such file");

        var badLabel = folder.resolve("bad.csv");
        Files.writeString(badLabel, "sentence1,sentence2,label\n快递到哪了,物流怎么查,maybe\n");
        var refused = run("assistant", "eval", "--pairs", "--train", badLabel.toString(), "--test", badLabel.toString());
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("bad.csv row 2", "label 0 or 1");

        var notText = folder.resolve("binary.csv");
        Files.write(notText, new byte[] {'a', ',', 'b', '\n', (byte) 0xC3, (byte) 0x28, ',', 'x', '\n'});
        assertThat(run("assistant", "eval", "--train", notText.toString(), "--test", notText.toString()).err())
                .contains("not UTF-8 text");

        assertThat(run("assistant", "eval", "--train", "a", "--test", "b", "--language", "fr").err())
                .contains("--language is zh or en");
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = new AssistantEval(new PrintStream(out, true, StandardCharsets.UTF_8))
                .run(args, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String fixture(String name) throws URISyntaxException, IOException {
        return Path.of(AssistantEvalTest.class.getResource("/assistant-eval/" + name).toURI()).toString();
    }
}
