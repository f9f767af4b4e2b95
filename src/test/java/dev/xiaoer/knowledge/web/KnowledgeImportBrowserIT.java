package dev.xiaoer.knowledge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.xiaoer.identity.Role;
import dev.xiaoer.knowledge.FaqEntries;
import dev.xiaoer.support.Browser;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Knowledge → Import and export, in a real browser: an admin brings in a spreadsheet of FAQ entries. */
@IntegrationTest
@RequiresBrowser
class KnowledgeImportBrowserIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    FaqEntries faqs;

    @Test
    void anAdminImportsASpreadsheetWatchesItFinishAndDownloadsTheRefusedRowsToCorrectThem() throws IOException {
        var shop = workspaces.create("绿谷农资 Import");
        var file = """
                question,answer,phrasings
                复合肥多久见效？,一般施用后 7–15 天见效。,"肥料撒了多久有效果
                化肥什么时候起作用"
                Where is my parcel?,,
                Do you ship to villages?,"Yes, in three to five days.",
                """;
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            page.navigate("/knowledge/faqs");
            page.getByTestId("open-import").click();

            page.getByLabel("FAQ entries (CSV)").check();
            page.getByLabel("File", new Page.GetByLabelOptions().setExact(true)).setInputFiles(new FilePayload("faqs.csv", "text/csv",
                    file.getBytes(StandardCharsets.UTF_8)));
            page.getByTestId("import-start").click();

            assertThat(page.getByTestId("import-progress")).hasAttribute("data-status", "done");
            assertThat(page.getByTestId("import-status")).hasText("Done: 3 of 3 rows.");
            assertThat(page.getByTestId("import-created")).hasText("2");
            assertThat(page.getByTestId("import-failed")).hasText("1");
            assertThat(page.getByTestId("import-error")).hasCount(1);
            assertThat(page.getByTestId("import-error")).containsText("answer: Write the answer the assistant gives.");
            assertThat(page.getByRole(AriaRole.PROGRESSBAR))
                    .hasAttribute("aria-valuenow", "100");
            Browser.screenshot(page, "knowledge-import");

            var report = page.waitForDownload(() -> page.getByTestId("import-error-report").click());
            var reported = Files.readString(report.path(), StandardCharsets.UTF_8);
            assertThat(reported).contains("Where is my parcel?").contains("Write the answer the assistant gives.");

            page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Import and export")).click();
            assertThat(page.getByTestId("import-row")).hasCount(1);
            assertThat(page.getByTestId("import-row")).containsText("3 of 3 rows, 1 refused");
            var export = page.waitForDownload(() -> page.getByTestId("export-faqs").click());
            assertThat(export.suggestedFilename()).matches(Pattern.compile("faqs-\\d{4}-\\d{2}-\\d{2}\\.csv").asPredicate());
            assertThat(Files.readString(export.path(), StandardCharsets.UTF_8)).contains("化肥什么时候起作用")
                    .contains("Do you ship to villages?");
        }
        assertThat(faqs.list(shop.workspace().id())).hasSize(2);
    }

    @Test
    void anAgentExportsButLeavesImportingToSupervisorsAndAdmins() {
        var shop = workspaces.create("Import agents");
        var agent = workspaces.user(shop.workspace(), Role.AGENT);
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, agent.email(), TestWorkspaces.PASSWORD);
            page.navigate("/knowledge/import");
            assertThat(page.getByText("Supervisors and admins import files.")).isVisible();
            assertThat(page.getByTestId("import-form")).hasCount(0);
            assertThat(page.getByTestId("export-articles-zip")).isVisible();
        }
    }
}
