package dev.xiaoer.automation.web;

import dev.xiaoer.automation.CannedReply;
import dev.xiaoer.automation.CannedReplyDraft;
import dev.xiaoer.automation.CannedReplyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The admin form of a canned reply: the Chinese and the English text side by side (the first two
 * entries of {@code texts}, whose languages are fixed), then any other languages, each with its
 * tag, and one empty pair for adding a language.
 */
record CannedReplyForm(String title, String shortcut, List<TextField> texts) {

    /** The languages every form shows, in this order. */
    static final List<String> FIXED = List.of("zh-CN", "en");

    record TextField(String language, String text) {
    }

    CannedReplyForm {
        texts = texts == null ? new ArrayList<>() : new ArrayList<>(texts);
        for (var i = 0; i < FIXED.size(); i++) {
            var text = i < texts.size() && texts.get(i) != null ? texts.get(i).text() : "";
            var field = new TextField(FIXED.get(i), text == null ? "" : text);
            if (i < texts.size()) {
                texts.set(i, field);
            } else {
                texts.add(field);
            }
        }
        texts.replaceAll(field -> field == null ? new TextField("", "") : field);
        var last = texts.getLast();
        if (texts.size() == FIXED.size() || !blank(last.language()) || !blank(last.text())) {
            texts.add(new TextField("", ""));
        }
    }

    static CannedReplyForm empty() {
        return new CannedReplyForm("", "", List.of());
    }

    static CannedReplyForm of(CannedReply reply) {
        var texts = new ArrayList<TextField>();
        for (var language : FIXED) {
            texts.add(new TextField(language, reply.texts().stream()
                    .filter(text -> sameLanguage(text.language(), language)).map(CannedReplyText::text)
                    .findFirst().orElse("")));
        }
        reply.texts().stream().filter(text -> FIXED.stream().noneMatch(fixed -> sameLanguage(text.language(), fixed)))
                .forEach(text -> texts.add(new TextField(text.language(), text.text())));
        return new CannedReplyForm(reply.title(), reply.shortcut() == null ? "" : reply.shortcut(), texts);
    }

    /** The texts that were written, as a draft, with the form index each came from. */
    Submitted draft() {
        var texts = new ArrayList<CannedReplyText>();
        var fields = new ArrayList<Integer>();
        for (var i = 0; i < this.texts.size(); i++) {
            var field = this.texts.get(i);
            var fixed = i < FIXED.size();
            if (fixed ? !blank(field.text()) : !blank(field.language()) || !blank(field.text())) {
                texts.add(new CannedReplyText(field.language(), field.text()));
                fields.add(i);
            }
        }
        return new Submitted(new CannedReplyDraft(title, shortcut, texts), fields);
    }

    /** A draft and, for each of its texts, the index of the form entry it came from. */
    record Submitted(CannedReplyDraft draft, List<Integer> formIndexes) {

        /** Where on the form a refusal of the draft's field belongs: {@code texts[1].text} → {@code texts[3].text}. */
        String formField(String field) {
            if ("texts".equals(field)) {
                return "texts[0].text";
            }
            if (field.startsWith("texts[")) {
                var end = field.indexOf(']');
                var index = Integer.parseInt(field.substring("texts[".length(), end));
                return "texts[" + formIndexes.get(index) + "]" + field.substring(end + 1);
            }
            return field;
        }
    }

    private static boolean sameLanguage(String a, String b) {
        return Locale.forLanguageTag(a).equals(Locale.forLanguageTag(b));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
