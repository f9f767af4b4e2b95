package dev.xiaoer.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xiaoer.kernel.InvalidInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ImportFilesTest {

    private static final List<String> FAQ = List.of("id", "question", "answer", "phrasings");
    private static final List<String> ARTICLE = List.of("id", "language", "title", "tags", "body");

    @Test
    void csvColumnsAreNamedByTheHeaderInAnyOrderAndCaseAndRowsNumberedAsASpreadsheetDoes() {
        var file = "\uFEFFAnswer , QUESTION,\n\"Yes, within 24 hours.\",\"Do you ship\nto villages?\",ignored\n\nOK,Fine?\n";

        var table = ImportFiles.csv(file.getBytes(StandardCharsets.UTF_8), FAQ, Set.of("question"));

        assertThat(table.columns()).containsExactly("answer", "question");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().getFirst().number()).isEqualTo(2);
        assertThat(table.rows().getFirst().value("question")).isEqualTo("Do you ship\nto villages?");
        assertThat(table.rows().getFirst().value("answer")).isEqualTo("Yes, within 24 hours.");
        assertThat(table.rows().getFirst().value("phrasings")).isEmpty();
        assertThat(table.rows().get(1).number()).isEqualTo(3);
    }

    @Test
    void textIsUtf8OrElseGb18030AsChineseSpreadsheetsSaveIt() {
        var gbk = "question,answer\n化肥结块了还能用吗？,能。\n".getBytes(Charset.forName("GBK"));

        var table = ImportFiles.csv(gbk, FAQ, Set.of());

        assertThat(table.rows().getFirst().value("question")).isEqualTo("化肥结块了还能用吗？");
    }

    @Test
    void aFileThatIsNotTextOrNamesUnknownOrMissesRequiredColumnsIsRefusedAsAWhole() {
        assertRefused(() -> ImportFiles.csv(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff}, FAQ, Set.of()),
                "import-not-text");
        assertRefused(() -> ImportFiles.csv("question,colour\na,b\n".getBytes(StandardCharsets.UTF_8), FAQ, Set.of()),
                "import-unknown-column");
        assertRefused(() -> ImportFiles.csv("question,question\na,b\n".getBytes(StandardCharsets.UTF_8), FAQ, Set.of()),
                "import-repeated-column");
        assertRefused(() -> ImportFiles.csv("answer\nb\n".getBytes(StandardCharsets.UTF_8), FAQ, Set.of("question")),
                "import-missing-column");
        assertRefused(() -> ImportFiles.csv(new byte[0], FAQ, Set.of()), "import-empty");
        assertRefused(() -> ImportFiles.csv("question,answer\n\"unclosed,b\n".getBytes(StandardCharsets.UTF_8), FAQ,
                Set.of()), "import-not-csv");
        var tooMany = new StringBuilder("question\n");
        for (var i = 0; i <= ImportFiles.MAX_ROWS; i++) {
            tooMany.append("q").append(i).append('\n');
        }
        assertRefused(() -> ImportFiles.csv(tooMany.toString().getBytes(StandardCharsets.UTF_8), FAQ, Set.of()),
                "import-too-many-rows");
    }

    @Test
    void aMarkdownArticleHasItsFieldsInAFrontMatterReadAsPlainTextNotYaml() {
        var file = """
                ---
                title: "Nei, ikke: 2025-03-01"
                language: no
                tags: [gjødsel, levering]
                ---

                **Body** with a line

                ---

                and a rule.
                """;

        var row = ImportFiles.markdown("gjodsel.md", file.getBytes(StandardCharsets.UTF_8), ARTICLE).rows().getFirst();

        assertThat(row.value("title")).isEqualTo("Nei, ikke: 2025-03-01");
        assertThat(row.value("language")).isEqualTo("no");
        assertThat(ImportFiles.list(row.value("tags"))).containsExactly("gjødsel", "levering");
        assertThat(row.value("body")).isEqualTo("**Body** with a line\n\n---\n\nand a rule.");
        assertThat(row.source()).isEqualTo("gjodsel.md");
    }

    @Test
    void aZipOfMarkdownFilesIsOneRowPerArticleWithOtherFilesPassedOver() throws IOException {
        var zip = zip(new ZipEntry("help/运费.md"), "---\ntitle: 运费谁出？\n---\n质量问题由我们承担。",
                new ZipEntry("help/logo.png"), "\u0089PNG",
                new ZipEntry("__MACOSX/help/._运费.md"), "junk",
                new ZipEntry("help/no-front-matter.md"), "Just text.");

        var rows = ImportFiles.markdown("Help.ZIP", zip, ARTICLE).rows();

        assertThat(rows).extracting(ImportFiles.Row::source).containsExactly("运费.md", "no-front-matter.md");
        assertThat(rows.getFirst().value("title")).isEqualTo("运费谁出？");
        assertThat(rows.get(1).value("title")).isEmpty();
        assertThat(rows.get(1).value("body")).isEqualTo("Just text.");
    }

    @Test
    void aFrontMatterWithAnUnknownKeyOrNoEndAndAZipThatUnpacksTooLargeAreRefused() throws IOException {
        assertRefused(() -> ImportFiles.markdown("a.md", "---\ntitle: A\nauthor: Li\n---\nText".getBytes(StandardCharsets.UTF_8),
                ARTICLE), "import-front-matter-key");
        assertRefused(() -> ImportFiles.markdown("a.md", "---\ntitle: A\nText".getBytes(StandardCharsets.UTF_8), ARTICLE),
                "import-front-matter-unclosed");
        assertRefused(() -> ImportFiles.markdown("a.txt", "Text".getBytes(StandardCharsets.UTF_8), ARTICLE),
                "import-kind-unknown");
        assertRefused(() -> ImportFiles.markdown("a.zip", zip(new ZipEntry("logo.png"), "png"), ARTICLE), "import-empty");
        var bomb = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(bomb)) {
            out.putNextEntry(new ZipEntry("bomb.md"));
            var zeros = new byte[1 << 20];
            for (var i = 0; i <= ImportFiles.MAX_UNZIPPED_BYTES >> 20; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertThat(bomb.size()).isLessThan(1 << 20);
        assertRefused(() -> ImportFiles.markdown("bomb.zip", bomb.toByteArray(), ARTICLE), "import-too-large");
    }

    private static byte[] zip(Object... entriesAndTexts) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var i = 0; i < entriesAndTexts.length; i += 2) {
                out.putNextEntry((ZipEntry) entriesAndTexts[i]);
                out.write(((String) entriesAndTexts[i + 1]).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInput.class, refused -> {
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.field()).isEqualTo("file");
        });
    }
}
