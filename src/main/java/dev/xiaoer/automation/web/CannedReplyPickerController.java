package dev.xiaoer.automation.web;

import dev.xiaoer.automation.CannedReplies;
import dev.xiaoer.automation.FilledReply;
import dev.xiaoer.identity.Actor;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The canned-reply picker of the ticket page's composer, an htmx fragment: the search field and the
 * replies matching it, each already filled in for the ticket. The ticket page knows only this address;
 * {@code static/js/canned-replies.js} opens the picker and puts the chosen text into the composer.
 * The ticket number is in the path, so that a number of another workspace answers 404 like a missing one.
 */
@Controller
class CannedReplyPickerController {

    private final CannedReplies replies;

    CannedReplyPickerController(CannedReplies replies) {
        this.replies = replies;
    }

    /** A filled reply with the name of its language in the agent's language. */
    record Option(FilledReply reply, String languageName) {
    }

    @GetMapping("/canned-replies/picker/{number:\\d{1,18}}")
    String picker(Actor actor, @PathVariable long number, @RequestParam(defaultValue = "") String q, Locale locale,
                  Model model) {
        List<Option> options = replies.filledFor(actor, number, q, locale).stream()
                .map(reply -> new Option(reply, CannedReplyAdminController.languageName(reply.language(), locale)))
                .toList();
        model.addAttribute("number", number);
        model.addAttribute("q", q.strip());
        model.addAttribute("options", options);
        model.addAttribute("limited", options.size() == CannedReplies.PICKER_LIMIT);
        return "canned-replies/picker :: picker";
    }
}
