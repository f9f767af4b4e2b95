package dev.xiaoer.assistant.web;

import dev.xiaoer.assistant.Assistant;
import dev.xiaoer.assistant.DecisionId;
import dev.xiaoer.assistant.KnowledgeGap;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.knowledge.FaqAction;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.knowledge.Faq;
import dev.xiaoer.knowledge.FaqDraft;
import dev.xiaoer.knowledge.FaqEntries;
import dev.xiaoer.knowledge.FaqId;
import dev.xiaoer.workspace.WorkspaceManagement;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Knowledge gaps: the questions the assistant could not settle, grouped by meaning, each group with
 * a form to answer it as a new FAQ entry (its questions become the entry's phrasings), to add its
 * questions to an existing entry that answers them already, or to dismiss it.
 */
@Controller
@RequestMapping("/assistant/gaps")
class KnowledgeGapsPageController {

    private static final int SHOWN = 50;

    private final Assistant assistant;
    private final WorkspaceManagement workspaces;
    private final FaqEntries faqs;

    KnowledgeGapsPageController(Assistant assistant, WorkspaceManagement workspaces, FaqEntries faqs) {
        this.assistant = assistant;
        this.workspaces = workspaces;
        this.faqs = faqs;
    }

    /** A group's form as the editor filled it; {@code decisions} the group's decision ids, comma separated. */
    record GapForm(String decisions, String language, String question, String phrasings, String answer) {

        FaqDraft draft() {
            return new FaqDraft(language, question, answer, null,
                    phrasings == null ? List.of() : Arrays.asList(phrasings.split("\\R")), null, FaqAction.NONE);
        }

        List<DecisionId> ids() {
            var ids = new ArrayList<DecisionId>();
            for (var part : (decisions == null ? "" : decisions).split(",")) {
                try {
                    if (!part.isBlank()) {
                        ids.add(new DecisionId(UUID.fromString(part.strip())));
                    }
                } catch (IllegalArgumentException notAnId) {
                    throw new InvalidInput("decisions", "assistant-gap-invalid");
                }
            }
            if (ids.isEmpty() || ids.size() > Assistant.GAP_QUESTIONS) {
                throw new InvalidInput("decisions", "assistant-gap-invalid");
            }
            return ids;
        }
    }

    /** A group as the page shows it, with its form filled in and the entries in its language to add it to. */
    record ShownGap(KnowledgeGap gap, GapForm form, List<Faq> entries) {
    }

    @GetMapping
    String page(Actor actor, Model model) {
        return page(actor, model, null, null);
    }

    @PostMapping("/faq")
    String createFaq(Actor actor, @ModelAttribute GapForm form, Model model, HttpServletResponse response,
                     RedirectAttributes redirect) {
        try {
            var ids = form.ids();
            var faq = assistant.coverGap(actor, ids, form.draft());
            redirect.addFlashAttribute("covered", faq.question());
            redirect.addFlashAttribute("coveredCount", ids.size());
            return "redirect:/assistant/gaps";
        } catch (InvalidInput refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(actor, model, form, refused);
        }
    }

    @PostMapping("/phrasings")
    String addToFaq(Actor actor, @ModelAttribute GapForm form, @RequestParam(defaultValue = "") String faq,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var ids = form.ids();
            FaqId entry;
            try {
                entry = new FaqId(UUID.fromString(faq.strip()));
            } catch (IllegalArgumentException notAnId) {
                throw new InvalidInput("faq", "assistant-gap-faq-required");
            }
            var revised = assistant.addGapToFaq(actor, ids, entry);
            redirect.addFlashAttribute("covered", revised.question());
            redirect.addFlashAttribute("coveredCount", ids.size());
            return "redirect:/assistant/gaps";
        } catch (InvalidInput refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(actor, model, form, refused);
        } catch (NotFound gone) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(actor, model, form, new InvalidInput("faq", "assistant-gap-faq-required"));
        }
    }

    @PostMapping("/dismiss")
    String dismiss(Actor actor, @ModelAttribute GapForm form, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("dismissed", assistant.dismissGap(actor.workspace(), form.ids()));
            return "redirect:/assistant/gaps";
        } catch (InvalidInput refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(actor, model, form, refused);
        }
    }

    private String page(Actor actor, Model model, GapForm posted, InvalidInput refused) {
        var defaultLanguage = workspaces.get(actor.workspace()).defaultLanguage().toLanguageTag();
        var gaps = assistant.gaps(actor.workspace());
        var entries = faqs.list(actor.workspace());
        var shown = gaps.stream().limit(SHOWN).map(gap -> {
            var decisions = String.join(",", gap.decisions().stream().map(DecisionId::toString).toList());
            var form = posted != null && decisions.equals(posted.decisions()) ? posted
                    : new GapForm(decisions, faqLanguage(gap.language(), defaultLanguage), gap.question(),
                    String.join("\n", gap.examples()), "");
            return new ShownGap(gap, form, entries.stream()
                    .filter(faq -> faq.language().toLowerCase(Locale.ROOT).startsWith(gap.language())).toList());
        }).toList();
        model.addAttribute("gaps", shown);
        model.addAttribute("total", gaps.size());
        model.addAttribute("asked", gaps.stream().mapToInt(KnowledgeGap::asked).sum());
        model.addAttribute("posted", posted);
        model.addAttribute("refused", refused);
        return "assistant/gaps";
    }

    /** The workspace's own tag when it is of the model's language (zh-TW stays zh-TW), else zh-CN or en. */
    private static String faqLanguage(String modelLanguage, String defaultLanguage) {
        if (defaultLanguage.toLowerCase(Locale.ROOT).startsWith(modelLanguage)) {
            return defaultLanguage;
        }
        return modelLanguage.equals("zh") ? "zh-CN" : "en";
    }
}
