package dev.xiaoer.knowledge.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.knowledge.Article;
import dev.xiaoer.knowledge.ArticleChangedMeanwhile;
import dev.xiaoer.knowledge.ArticleId;
import dev.xiaoer.knowledge.ArticleStatus;
import dev.xiaoer.knowledge.ArticleVersion;
import dev.xiaoer.knowledge.Category;
import dev.xiaoer.knowledge.CategoryId;
import dev.xiaoer.knowledge.KnowledgeBase;
import dev.xiaoer.knowledge.domain.ArticleRules;
import dev.xiaoer.knowledge.domain.Markdown;
import dev.xiaoer.knowledge.domain.TextDiff;
import dev.xiaoer.workspace.WorkspaceManagement;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
 * The team's side of the knowledge base: the articles by status, the editor with a preview, the
 * versions with restore, the other languages, and (for supervisors and admins) publishing and the
 * help center's categories.
 */
@Controller
@RequestMapping("/knowledge")
class KnowledgeController {

    private static final int LIST_LIMIT = 500;

    private final KnowledgeBase knowledge;
    private final WorkspaceManagement workspaces;

    KnowledgeController(KnowledgeBase knowledge, WorkspaceManagement workspaces) {
        this.knowledge = knowledge;
        this.workspaces = workspaces;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) ArticleStatus status,
                @RequestParam(defaultValue = "") String q, Model model) {
        var workspace = actor.workspace();
        model.addAttribute("status", status);
        model.addAttribute("q", q.strip());
        if (q.isBlank()) {
            model.addAttribute("articles", knowledge.list(workspace, status, null, LIST_LIMIT));
        } else {
            model.addAttribute("hits", knowledge.search(workspace, q, KnowledgeBase.MAX_SEARCH_RESULTS));
        }
        model.addAttribute("categoryNames", categoryNames(actor));
        model.addAttribute("categories", knowledge.categories(workspace));
        model.addAttribute("reviewer", KnowledgeBase.mayReview(actor));
        model.addAttribute("helpCenter", "/help/" + workspace.value());
        if (!model.containsAttribute("synonyms")) {
            model.addAttribute("synonyms", knowledge.synonymText(workspace));
        }
        return "knowledge/list";
    }

    @GetMapping("/new")
    String create(Actor actor, @RequestParam(required = false) UUID translationOf,
                  @RequestParam(required = false) String language, Model model) {
        var form = ArticleForm.empty(language == null ? workspaces.get(actor.workspace()).defaultLanguage().toLanguageTag()
                : language);
        if (translationOf != null) {
            var original = knowledge.get(actor.workspace(), new ArticleId(translationOf));
            form = new ArticleForm(original.title(), original.body(), language == null ? "" : language,
                    form.category(), String.join(", ", original.tags()), null, translationOf);
            model.addAttribute("original", original);
        }
        return editor(actor, null, form, model);
    }

    @PostMapping
    String create(Actor actor, @ModelAttribute("form") ArticleForm form, BindingResult errors, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var article = knowledge.write(actor, form.draft(),
                    form.translationOf() == null ? null : new ArticleId(form.translationOf()));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/knowledge/" + article.id();
        } catch (InvalidInput invalid) {
            FormErrors.reject(errors, invalid.field(), invalid);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return editor(actor, null, form, model);
    }

    @GetMapping("/{id}")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        var article = knowledge.get(actor.workspace(), new ArticleId(id));
        return editor(actor, article, ArticleForm.of(article), model);
    }

    @PostMapping("/{id}")
    String save(Actor actor, @PathVariable UUID id, @ModelAttribute("form") ArticleForm form, BindingResult errors,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var article = knowledge.get(actor.workspace(), new ArticleId(id));
        try {
            knowledge.revise(actor, article.id(), form.draft(), form.version() == null ? -1 : form.version());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/knowledge/" + article.id();
        } catch (InvalidInput invalid) {
            FormErrors.reject(errors, invalid.field(), invalid);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } catch (ArticleChangedMeanwhile changed) {
            errors.reject("problem." + changed.code(), changed.arguments(), null);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return editor(actor, knowledge.get(actor.workspace(), article.id()), form, model);
    }

    /** What the version (else the newest) changed from the one before it: title and text, line by line. */
    @GetMapping("/{id}/changes")
    String changes(Actor actor, @PathVariable UUID id, @RequestParam(required = false) Integer version, Model model) {
        var article = knowledge.get(actor.workspace(), new ArticleId(id));
        var wanted = version == null ? article.version() : version;
        var versions = knowledge.versions(actor.workspace(), article.id());
        var shown = versions.stream().filter(v -> v.version() == wanted).findFirst()
                .orElseThrow(() -> new NotFound("article-version", id + " v" + wanted));
        var before = versions.stream().filter(v -> v.version() < wanted).findFirst();
        model.addAttribute("article", article);
        model.addAttribute("shown", shown);
        model.addAttribute("before", before.orElse(null));
        model.addAttribute("titleDiff", TextDiff.of(before.map(ArticleVersion::title).orElse(""), shown.title()));
        model.addAttribute("bodyDiff", TextDiff.of(before.map(ArticleVersion::body).orElse(""), shown.body()));
        return "knowledge/changes";
    }

    @PostMapping("/{id}/publish")
    String publish(Actor actor, @PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        knowledge.publish(actor, new ArticleId(id), version);
        redirect.addFlashAttribute("published", true);
        return "redirect:/knowledge/" + id;
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(Actor actor, @PathVariable UUID id, @RequestParam int version, @RequestParam ArticleStatus to,
                    RedirectAttributes redirect) {
        knowledge.withdraw(actor, new ArticleId(id), to, version);
        redirect.addFlashAttribute("withdrawn", to);
        return "redirect:/knowledge/" + id;
    }

    @PostMapping("/{id}/restore")
    String restore(Actor actor, @PathVariable UUID id, @RequestParam int restore, @RequestParam int version,
                   RedirectAttributes redirect) {
        knowledge.restore(actor, new ArticleId(id), restore, version);
        redirect.addFlashAttribute("restored", restore);
        return "redirect:/knowledge/" + id;
    }

    @PostMapping("/categories")
    String addCategory(Actor actor, @RequestParam String name, @RequestParam(required = false) UUID parent,
                       RedirectAttributes redirect) {
        var category = knowledge.addCategory(actor, name,
                parent == null ? null : new CategoryId(parent));
        redirect.addFlashAttribute("categoryAdded", category.name());
        return "redirect:/knowledge";
    }

    @PostMapping("/synonyms")
    String saveSynonyms(Actor actor, @RequestParam(defaultValue = "") String synonyms, RedirectAttributes redirect) {
        knowledge.saveSynonyms(actor, synonyms);
        redirect.addFlashAttribute("synonymsSaved", true);
        return "redirect:/knowledge";
    }

    private String editor(Actor actor, Article article, ArticleForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("article", article);
        model.addAttribute("preview", Markdown.html(form.body()));
        model.addAttribute("categories", knowledge.categories(actor.workspace()));
        model.addAttribute("reviewer", KnowledgeBase.mayReview(actor));
        model.addAttribute("limits", Map.of("title", ArticleRules.MAX_TITLE, "body", ArticleRules.MAX_BODY));
        if (article != null) {
            model.addAttribute("versions", knowledge.versions(actor.workspace(), article.id()));
            model.addAttribute("translations", knowledge.translations(article).stream()
                    .filter(other -> !other.id().equals(article.id())).toList());
            model.addAttribute("publicPath", "/help/" + actor.workspace().value() + "/articles/" + article.slug());
        }
        return "knowledge/editor";
    }

    private Map<UUID, String> categoryNames(Actor actor) {
        return knowledge.categories(actor.workspace()).stream()
                .collect(Collectors.toMap(category -> category.id().value(), Category::name));
    }
}
