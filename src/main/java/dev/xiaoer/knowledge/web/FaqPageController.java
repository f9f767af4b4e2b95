package dev.xiaoer.knowledge.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.knowledge.ArticleId;
import dev.xiaoer.knowledge.Faq;
import dev.xiaoer.knowledge.FaqAction;
import dev.xiaoer.knowledge.FaqDraft;
import dev.xiaoer.knowledge.FaqEntries;
import dev.xiaoer.knowledge.FaqId;
import dev.xiaoer.knowledge.KnowledgeBase;
import dev.xiaoer.workspace.WorkspaceManagement;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team's FAQ entries: the list with a box to try how a customer's question is matched, and the
 * form (question, answer, expectation, phrasings one per line, article, action).
 */
@Controller
@RequestMapping("/knowledge/faqs")
class FaqPageController {

    private static final int ARTICLE_CHOICES = 500;

    private final FaqEntries faqs;
    private final KnowledgeBase knowledge;
    private final WorkspaceManagement workspaces;

    FaqPageController(FaqEntries faqs, KnowledgeBase knowledge, WorkspaceManagement workspaces) {
        this.faqs = faqs;
        this.knowledge = knowledge;
        this.workspaces = workspaces;
    }

    /** The form's fields as typed; phrasings one per line, the article as its id (blank for none). */
    record FaqForm(String language, String question, String answer, String expectation, String phrasings,
                   String article, FaqAction action) {

        static FaqForm of(Faq faq) {
            return new FaqForm(faq.language(), faq.question(), faq.answer(), faq.expectation(),
                    String.join("\n", faq.phrasings()), faq.article() == null ? "" : faq.article().toString(),
                    faq.action());
        }

        FaqDraft draft() {
            ArticleId linked;
            try {
                linked = article == null || article.isBlank() ? null : new ArticleId(UUID.fromString(article.strip()));
            } catch (IllegalArgumentException notAnId) {
                throw new InvalidInput("article", "faq-article-unknown");
            }
            return new FaqDraft(language, question, answer, expectation,
                    phrasings == null ? null : Arrays.asList(phrasings.split("\\R")), linked, action);
        }
    }

    @GetMapping
    String list(Actor actor, @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("faqs", faqs.list(actor.workspace()));
        model.addAttribute("q", q.strip());
        model.addAttribute("matches", q.isBlank() ? null : faqs.match(actor.workspace(), q, 5));
        return "knowledge/faqs";
    }

    @GetMapping("/new")
    String create(Actor actor, Model model) {
        var language = workspaces.get(actor.workspace()).defaultLanguage().toLanguageTag();
        return form(actor, null, new FaqForm(language, "", "", "", "", "", FaqAction.NONE), model);
    }

    @PostMapping
    String create(Actor actor, @ModelAttribute("form") FaqForm form, BindingResult errors, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            faqs.add(actor, form.draft());
            redirect.addFlashAttribute("saved", form.question().strip());
            return "redirect:/knowledge/faqs";
        } catch (InvalidInput invalid) {
            FormErrors.reject(errors, invalid.field(), invalid);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(actor, null, form, model);
    }

    @GetMapping("/{id}")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        var faq = faqs.get(actor.workspace(), new FaqId(id));
        return form(actor, faq.id(), FaqForm.of(faq), model);
    }

    @PostMapping("/{id}")
    String save(Actor actor, @PathVariable UUID id, @ModelAttribute("form") FaqForm form, BindingResult errors,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var faq = faqs.get(actor.workspace(), new FaqId(id));
        try {
            faqs.revise(actor, faq.id(), form.draft());
            redirect.addFlashAttribute("saved", form.question().strip());
            return "redirect:/knowledge/faqs";
        } catch (InvalidInput invalid) {
            FormErrors.reject(errors, invalid.field(), invalid);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(actor, faq.id(), form, model);
    }

    @PostMapping("/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        var faq = faqs.get(actor.workspace(), new FaqId(id));
        faqs.delete(actor, faq.id());
        redirect.addFlashAttribute("deleted", faq.question());
        return "redirect:/knowledge/faqs";
    }

    private String form(Actor actor, FaqId id, FaqForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("faqId", id == null ? null : id.value());
        model.addAttribute("articles", knowledge.list(actor.workspace(), null, null, ARTICLE_CHOICES));
        model.addAttribute("actions", FaqAction.values());
        return "knowledge/faq";
    }
}
