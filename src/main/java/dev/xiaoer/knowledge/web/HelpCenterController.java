package dev.xiaoer.knowledge.web;

import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.knowledge.Article;
import dev.xiaoer.knowledge.ArticleStatus;
import dev.xiaoer.knowledge.Category;
import dev.xiaoer.knowledge.KnowledgeBase;
import dev.xiaoer.knowledge.domain.Markdown;
import dev.xiaoer.platform.PageLanguage;
import dev.xiaoer.workspace.Workspace;
import dev.xiaoer.workspace.WorkspaceId;
import dev.xiaoer.workspace.WorkspaceManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriUtils;

/**
 * A workspace's public help center: no sign-in, published articles only. The reader's language is
 * {@code ?lang=}, else the browser's; an article not written in it is shown in the workspace's default
 * language (else any it has), and every article page links its other languages. Addresses are
 * readable: {@code /help/{workspace}/articles/{slug}}.
 */
@Controller
@RequestMapping("/help/{workspace}")
class HelpCenterController {

    private static final int ARTICLES_PER_CATEGORY = 500;
    private static final List<Locale> SPOKEN = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private final KnowledgeBase knowledge;
    private final WorkspaceManagement workspaces;
    private final HelpVoteLimit voteLimit;

    HelpCenterController(KnowledgeBase knowledge, WorkspaceManagement workspaces, HelpVoteLimit voteLimit) {
        this.knowledge = knowledge;
        this.workspaces = workspaces;
        this.voteLimit = voteLimit;
    }

    /** A category of the home page with the articles filed under it, in the reader's language. */
    record Shelf(Category category, List<Article> articles) {
    }

    @GetMapping
    String home(@PathVariable UUID workspace, @RequestParam(required = false) String lang,
                HttpServletRequest request, Model model) {
        var shop = shop(workspace);
        var language = reader(request, lang);
        var articles = inLanguage(knowledge.list(shop.id(), ArticleStatus.PUBLISHED, null, ARTICLES_PER_CATEGORY * 4),
                language, shop);
        var byCategory = articles.stream().collect(Collectors.groupingBy(
                article -> article.category() == null ? "" : article.category().toString(), LinkedHashMap::new,
                Collectors.toList()));
        var shelves = new ArrayList<Shelf>();
        for (var category : knowledge.categories(shop.id())) {
            var filed = byCategory.getOrDefault(category.id().toString(), List.of());
            if (!filed.isEmpty()) {
                shelves.add(new Shelf(category, filed));
            }
        }
        model.addAttribute("shelves", shelves);
        model.addAttribute("uncategorised", byCategory.getOrDefault("", List.of()));
        return page(shop, language, model, "knowledge/help-home");
    }

    @GetMapping("/categories/{slug}")
    String category(@PathVariable UUID workspace, @PathVariable String slug, @RequestParam(required = false) String lang,
                    HttpServletRequest request, Model model) {
        var shop = shop(workspace);
        var language = reader(request, lang);
        var category = knowledge.category(shop.id(), slug).orElseThrow(() -> new NotFound("category", slug));
        model.addAttribute("category", category);
        model.addAttribute("articles", inLanguage(
                knowledge.list(shop.id(), ArticleStatus.PUBLISHED, category.id(), ARTICLES_PER_CATEGORY), language, shop));
        return page(shop, language, model, "knowledge/help-category");
    }

    @GetMapping("/articles/{slug}")
    String article(@PathVariable UUID workspace, @PathVariable String slug, @RequestParam(required = false) String lang,
                   @RequestParam(required = false) Boolean voted, HttpServletRequest request, Model model) {
        var shop = shop(workspace);
        var article = knowledge.published(shop.id(), slug).orElseThrow(() -> new NotFound("article", slug));
        var translations = knowledge.translations(article).stream().filter(Article::isPublished).toList();
        if (lang != null) {
            var wanted = translations.stream().filter(other -> sameLanguage(other.language(), lang)).findFirst();
            if (wanted.isPresent() && !wanted.get().id().equals(article.id())) {
                return "redirect:/help/" + workspace + "/articles/" + segment(wanted.get().slug());
            }
        }
        model.addAttribute("article", article);
        model.addAttribute("voted", voted);
        model.addAttribute("html", Markdown.html(article.body()));
        model.addAttribute("translations", translations.stream().filter(other -> !other.id().equals(article.id()))
                .toList());
        model.addAttribute("category", article.category() == null ? null : knowledge.categories(shop.id()).stream()
                .filter(category -> category.id().equals(article.category())).findFirst().orElse(null));
        model.addAttribute("description", description(article));
        model.addAttribute("updated", article.updatedAt().atZone(shop.timeZone()).toLocalDate());
        return page(shop, Locale.forLanguageTag(article.language()), model, "knowledge/help-article");
    }

    @PostMapping("/articles/{slug}/feedback")
    String feedback(@PathVariable UUID workspace, @PathVariable String slug, @RequestParam boolean helpful,
                    HttpServletRequest request) {
        var shop = shop(workspace);
        var article = knowledge.published(shop.id(), slug).orElseThrow(() -> new NotFound("article", slug));
        if (voteLimit.counts(request.getRemoteAddr(), article.id())) {
            knowledge.vote(article, helpful);
        }
        // The thanks travel in the address, not a flash attribute: a reader gets no session.
        return "redirect:/help/" + workspace + "/articles/" + segment(slug) + "?voted=" + helpful + "#feedback";
    }

    @GetMapping("/search")
    String search(@PathVariable UUID workspace, @RequestParam(defaultValue = "") String q,
                  @RequestParam(required = false) String lang, HttpServletRequest request, Model model) {
        var shop = shop(workspace);
        var language = reader(request, lang);
        model.addAttribute("q", q.strip());
        model.addAttribute("hits", knowledge.search(shop.id(), q, 20));
        return page(shop, language, model, "knowledge/help-search");
    }

    private String page(Workspace shop, Locale language, Model model, String view) {
        model.addAttribute("shop", shop);
        model.addAttribute("base", "/help/" + shop.id().value());
        model.addAttribute("readerLanguage", language.toLanguageTag());
        return view;
    }

    private Workspace shop(UUID workspace) {
        return workspaces.find(new WorkspaceId(workspace)).orElseThrow(() -> new NotFound("help-center", workspace));
    }

    /** The language the reader asked for (else the browser's); the page's texts in it when Xiaoer speaks it. */
    private static Locale reader(HttpServletRequest request, String lang) {
        var asked = lang == null || lang.isBlank() ? RequestContextUtils.getLocale(request) : Locale.forLanguageTag(lang);
        PageLanguage.use(request, SPOKEN.stream().filter(spoken -> spoken.getLanguage().equals(asked.getLanguage()))
                .findFirst().orElse(Locale.ENGLISH));
        return asked;
    }

    /** One version of each article: the reader's language, else the workspace's default, else the first. */
    private static List<Article> inLanguage(List<Article> articles, Locale reader, Workspace shop) {
        var byGroup = articles.stream().collect(Collectors.groupingBy(Article::translationGroup, LinkedHashMap::new,
                Collectors.toList()));
        return byGroup.values().stream()
                .map(versions -> versions.stream()
                        .filter(a -> sameLanguage(a.language(), reader.toLanguageTag())).findFirst()
                        .or(() -> versions.stream()
                                .filter(a -> sameLanguage(a.language(), shop.defaultLanguage().toLanguageTag())).findFirst())
                        .orElse(versions.getFirst()))
                .sorted(Comparator.comparing(Article::title))
                .toList();
    }

    private static boolean sameLanguage(String tag, String other) {
        return Locale.forLanguageTag(tag).getLanguage().equals(Locale.forLanguageTag(other).getLanguage());
    }

    private static String segment(String slug) {
        return UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
    }

    /** The start of the article's text, for search engines' result pages. */
    private static String description(Article article) {
        var text = Markdown.text(article.body()).replaceAll("\\s+", " ").strip();
        return text.length() > 160 ? text.substring(0, 159) + "…" : text;
    }
}
