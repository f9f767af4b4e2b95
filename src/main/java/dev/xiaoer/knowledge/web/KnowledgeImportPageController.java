package dev.xiaoer.knowledge.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.knowledge.ImportId;
import dev.xiaoer.knowledge.ImportKind;
import dev.xiaoer.knowledge.KnowledgeBase;
import dev.xiaoer.knowledge.KnowledgeExports;
import dev.xiaoer.knowledge.KnowledgeImports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Knowledge → Import and export: download the FAQ and the articles as files, upload a file to import
 * (supervisors and admins), and watch an import's progress with the rows it refused.
 */
@Controller
@RequestMapping("/knowledge")
class KnowledgeImportPageController {

    private static final int RECENT = 10;

    private final KnowledgeImports imports;
    private final KnowledgeExports exports;

    KnowledgeImportPageController(KnowledgeImports imports, KnowledgeExports exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @GetMapping("/import")
    String page(Actor actor, Model model) {
        model.addAttribute("mayImport", KnowledgeBase.mayReview(actor));
        model.addAttribute("imports", imports.recent(actor.workspace(), RECENT));
        model.addAttribute("kind", ImportKind.FAQS);
        return "knowledge/import";
    }

    @PostMapping("/import")
    String start(Actor actor, @RequestParam(defaultValue = "FAQS") ImportKind kind,
                 @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response) {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInput("file", "import-empty");
            }
            var started = imports.start(actor, kind, file.getOriginalFilename(), file.getBytes());
            return "redirect:/knowledge/imports/" + started.id();
        } catch (InvalidInput refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refused", refused);
            model.addAttribute("mayImport", true);
            model.addAttribute("imports", imports.recent(actor.workspace(), RECENT));
            model.addAttribute("kind", kind);
            return "knowledge/import";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/imports/{id}")
    String progress(Actor actor, @PathVariable UUID id, Locale language, Model model) {
        addProgress(actor, id, language, model);
        return "knowledge/import-progress";
    }

    /** The part of the page that follows the import while it runs (htmx polls it). */
    @GetMapping("/imports/{id}/progress")
    String progressFragment(Actor actor, @PathVariable UUID id, Locale language, Model model) {
        addProgress(actor, id, language, model);
        return "knowledge/import-progress :: progress";
    }

    @GetMapping("/imports/{id}/errors.csv")
    void errors(Actor actor, @PathVariable UUID id, Locale language, HttpServletResponse response) {
        var started = imports.get(actor.workspace(), new ImportId(id));
        KnowledgeImportController.download(response, "import-errors-" + started.id() + ".csv",
                KnowledgeImportController.CSV, out -> imports.errorReport(actor.workspace(), started.id(), language, out));
    }

    @GetMapping("/export/faqs.csv")
    void faqs(Actor actor, HttpServletResponse response) {
        KnowledgeImportController.download(response, "faqs-" + LocalDate.now() + ".csv", KnowledgeImportController.CSV,
                out -> exports.faqsCsv(actor.workspace(), out));
    }

    @GetMapping("/export/articles.csv")
    void articlesCsv(Actor actor, HttpServletResponse response) {
        KnowledgeImportController.download(response, "articles-" + LocalDate.now() + ".csv",
                KnowledgeImportController.CSV, out -> exports.articlesCsv(actor.workspace(), out));
    }

    @GetMapping("/export/articles.zip")
    void articlesMarkdown(Actor actor, HttpServletResponse response) {
        KnowledgeImportController.download(response, "articles-" + LocalDate.now() + ".zip",
                KnowledgeImportController.ZIP, out -> exports.articlesMarkdown(actor.workspace(), out));
    }

    private void addProgress(Actor actor, UUID id, Locale language, Model model) {
        var started = imports.get(actor.workspace(), new ImportId(id));
        model.addAttribute("job", started);
        model.addAttribute("errors", imports.errors(actor.workspace(), started.id(), KnowledgeImports.MAX_ERRORS_SHOWN)
                .stream().map(error -> new ShownError(error.source() == null ? String.valueOf(error.row()) : error.source(),
                        imports.reason(error, language))).toList());
    }

    /** A refused row as the page lists it: where, and why. */
    record ShownError(String where, String reason) {
    }
}
