package dev.xiaoer.automation.web;

import dev.xiaoer.automation.CannedReplies;
import dev.xiaoer.automation.CannedReply;
import dev.xiaoer.automation.CannedReplyId;
import dev.xiaoer.automation.CannedReplyTaken;
import dev.xiaoer.automation.domain.CannedReplyRules;
import dev.xiaoer.automation.domain.ReplyVariable;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.BusinessException;
import dev.xiaoer.kernel.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Admins keep the workspace's canned replies: a list to search, and a form with the Chinese and the
 * English text side by side. Refusals are shown at the field they are about, and nothing is saved.
 */
@Controller
@RequestMapping("/admin/canned-replies")
class CannedReplyAdminController {

    private static final String LIST = "/admin/canned-replies";
    private static final int EXCERPT = 140;

    private final CannedReplies replies;

    CannedReplyAdminController(CannedReplies replies) {
        this.replies = replies;
    }

    /** A reply as the list shows it: its languages and the start of its first text. */
    record Row(UUID id, String title, String shortcut, List<String> languages, String excerpt) {

        static Row of(CannedReply reply, Locale locale) {
            var first = reply.texts().isEmpty() ? "" : reply.texts().getFirst().text();
            return new Row(reply.id().value(), reply.title(), reply.shortcut(),
                    reply.texts().stream().map(text -> languageName(text.language(), locale)).toList(),
                    first.length() > EXCERPT ? first.substring(0, EXCERPT) + "…" : first);
        }
    }

    @GetMapping
    String list(Actor actor, @RequestParam(defaultValue = "") String q, Locale locale, Model model) {
        model.addAttribute("q", q.strip());
        model.addAttribute("replies", replies.list(actor.workspace(), q).stream().map(reply -> Row.of(reply, locale))
                .toList());
        return "admin/canned-replies";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(null, CannedReplyForm.empty(), model);
    }

    @PostMapping
    String create(Actor actor, @ModelAttribute("form") CannedReplyForm form, BindingResult errors, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        var submitted = form.draft();
        if (!refused(submitted, errors, () -> replies.create(actor.workspace(), submitted.draft()))) {
            redirect.addFlashAttribute("saved", form.title().strip());
            return "redirect:" + LIST;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(null, form, model);
    }

    @GetMapping("/{id}")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        var reply = replies.get(actor.workspace(), new CannedReplyId(id));
        return form(reply.id(), CannedReplyForm.of(reply), model);
    }

    @PostMapping("/{id}")
    String save(Actor actor, @PathVariable UUID id, @ModelAttribute("form") CannedReplyForm form, BindingResult errors,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var reply = replies.get(actor.workspace(), new CannedReplyId(id));
        var submitted = form.draft();
        if (!refused(submitted, errors, () -> replies.update(actor.workspace(), reply.id(), submitted.draft()))) {
            redirect.addFlashAttribute("saved", form.title().strip());
            return "redirect:" + LIST;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(reply.id(), form, model);
    }

    /** Deletes after the confirmation htmx asked for; back to the list, which says what went. */
    @PostMapping("/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                  HttpServletRequest request, HttpServletResponse response) {
        var reply = replies.get(actor.workspace(), new CannedReplyId(id));
        replies.delete(actor.workspace(), reply.id());
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("deleted", reply.title());
        RequestContextUtils.saveOutputFlashMap(LIST, request, response);
        if (htmx == null) {
            return "redirect:" + LIST;
        }
        response.setHeader("HX-Redirect", LIST);
        return "admin/canned-reply :: deleted";
    }

    /**
     * Saves, or records at their fields every reason not to: the rules' refusals of the draft, and a
     * title or shortcut another reply has. Returns whether anything was refused.
     */
    private static boolean refused(CannedReplyForm.Submitted submitted, BindingResult errors, Runnable save) {
        var problems = CannedReplyRules.check(submitted.draft()).problems();
        for (var problem : problems) {
            reject(errors, submitted.formField(problem.field()), problem);
        }
        if (!problems.isEmpty()) {
            return true;
        }
        try {
            save.run();
            return false;
        } catch (CannedReplyTaken taken) {
            reject(errors, taken.field(), taken);
        } catch (InvalidInput invalid) {
            reject(errors, submitted.formField(invalid.field()), invalid);
        }
        return true;
    }

    /**
     * The problem's own message at the field, resolved by exactly its key: the codes a binding error would
     * also try ({@code <key>.<field>}) could be another message, such as the problem's title at {@code title}.
     */
    private static void reject(BindingResult errors, String field, BusinessException problem) {
        errors.addError(new FieldError(errors.getObjectName(), field, errors.getFieldValue(field), false,
                new String[] {"problem." + problem.code()}, problem.arguments(), null));
    }

    private String form(CannedReplyId id, CannedReplyForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("replyId", id == null ? null : id.value());
        model.addAttribute("fixedLanguages", CannedReplyForm.FIXED.size());
        model.addAttribute("variables", List.of(ReplyVariable.values()));
        model.addAttribute("limits", new Limits(CannedReplyRules.MAX_TITLE, CannedReplyRules.MAX_SHORTCUT,
                CannedReplyRules.MAX_TEXT));
        return "admin/canned-reply";
    }

    record Limits(int title, int shortcut, int text) {
    }

    /**
     * A language's name in the reader's language: "Chinese" for the form's zh-CN, "Chinese (Taiwan)" for
     * zh-TW, so that two versions of one language can be told apart; the tag when Java knows no name.
     */
    static String languageName(String tag, Locale reader) {
        var locale = Locale.forLanguageTag(tag);
        var fixed = CannedReplyForm.FIXED.stream().anyMatch(language -> Locale.forLanguageTag(language).equals(locale));
        var name = fixed || locale.getCountry().isEmpty() && locale.getScript().isEmpty()
                ? locale.getDisplayLanguage(reader) : locale.getDisplayName(reader);
        return name.isBlank() || name.equals(tag) ? tag : name;
    }
}
