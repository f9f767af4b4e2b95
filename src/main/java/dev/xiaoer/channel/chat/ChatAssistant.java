package dev.xiaoer.channel.chat;

import dev.xiaoer.assistant.Assistant;
import dev.xiaoer.assistant.Decision;
import dev.xiaoer.assistant.DecisionId;
import dev.xiaoer.assistant.DecisionKind;
import dev.xiaoer.assistant.Enquiry;
import dev.xiaoer.assistant.HandOffReason;
import dev.xiaoer.channel.infra.ThreadRows;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.BusinessException;
import dev.xiaoer.knowledge.ArticleStatus;
import dev.xiaoer.knowledge.FaqAction;
import dev.xiaoer.knowledge.FaqId;
import dev.xiaoer.knowledge.KnowledgeBase;
import dev.xiaoer.ticket.NewMessage;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketCreated;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.workspace.WorkspaceId;
import dev.xiaoer.workspace.WorkspaceManagement;
import jakarta.annotation.PreDestroy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The assistant on live chat. With "the assistant answers first" on, a new chat stays out of the
 * team's queue while the assistant answers the visitor's messages (on its own threads, after the
 * message is acknowledged). Its answers, questions and hand-over message are public messages on the
 * chat's timeline, written by "Assistant", so the agent who takes over reads the whole conversation;
 * a hand-off also leaves an internal note with what it understood and puts the chat in the queue.
 * An agent's reply ends the assistant's part too.
 */
@Component
class ChatAssistant {

    /** The assistant as the author of its timeline entries. */
    static final UUID ASSISTANT_ID = UUID.fromString("00000000-0000-0000-0000-00000000a551");
    private static final Logger log = LoggerFactory.getLogger(ChatAssistant.class);

    private final Assistant assistant;
    private final TicketManagement tickets;
    private final ThreadRows threads;
    private final ChatSettingsRows settings;
    private final ChatRecipients recipients;
    private final KnowledgeBase knowledge;
    private final WorkspaceManagement workspaces;
    private final XiaoerAddress address;
    private final MessageSource texts;
    private final ExecutorService answering = Executors.newFixedThreadPool(2, Thread.ofPlatform()
            .name("chat-assistant-", 1).daemon(true).factory());

    ChatAssistant(Assistant assistant, TicketManagement tickets, ThreadRows threads, ChatSettingsRows settings,
                  ChatRecipients recipients, KnowledgeBase knowledge, WorkspaceManagement workspaces,
                  XiaoerAddress address, MessageSource texts) {
        this.assistant = assistant;
        this.tickets = tickets;
        this.threads = threads;
        this.settings = settings;
        this.recipients = recipients;
        this.knowledge = knowledge;
        this.workspaces = workspaces;
        this.address = address;
        this.texts = texts;
    }

    /** A new chat goes to the assistant, in the transaction that creates it, before routing sees it. */
    @EventListener
    void on(TicketCreated created) {
        if (created.channel() == TicketChannel.CHAT && created.assignee() == null
                && settings.find(created.workspace()).assistantFirst()) {
            tickets.holdForAssistant(created.workspace(), created.ticket());
        }
    }

    /** The visitor's message is stored: the assistant answers it if the chat is still with it. */
    void received(WorkspaceId workspace, TicketId ticket, String text) {
        answering.execute(() -> run(workspace, ticket, () ->
                Optional.of(assistant.decide(new Enquiry(workspace, ticket.toString(), "chat", text)))));
    }

    void feedback(ChatVisitor visitor, ChatFrames.Feedback feedback) {
        if (feedback == null || feedback.decision() == null || feedback.helpful() == null) {
            return;
        }
        chatOf(visitor).ifPresent(ticket -> answering.execute(() -> run(visitor.workspace(), ticket, () ->
                assistant.feedback(visitor.workspace(), ticket.toString(), new DecisionId(feedback.decision()),
                        feedback.helpful()))));
    }

    void choose(ChatVisitor visitor, ChatFrames.Choice choice) {
        if (choice == null || choice.faq() == null) {
            return;
        }
        chatOf(visitor).ifPresent(ticket -> answering.execute(() -> run(visitor.workspace(), ticket, () ->
                Optional.of(assistant.choose(new Enquiry(visitor.workspace(), ticket.toString(), "chat", null),
                        new FaqId(choice.faq()))))));
    }

    private Optional<TicketId> chatOf(ChatVisitor visitor) {
        return threads.find(visitor.workspace(), TicketChannel.CHAT, visitor.threadId()).map(thread -> thread.ticket());
    }

    private void run(WorkspaceId workspace, TicketId ticket, java.util.function.Supplier<Optional<Decision>> decide) {
        try {
            if (tickets.withAssistant(workspace, ticket)) {
                decide.get().ifPresent(decision -> act(workspace, ticket, decision));
            }
        } catch (BusinessException refused) {
            log.debug("The assistant did not act on chat {}: {}", ticket, refused.getMessage());
        } catch (RuntimeException e) {
            // The visitor is never left alone with a broken assistant: the team takes over.
            log.warn("The assistant failed on chat {}; handing it to the team", ticket, e);
            handOff(workspace, ticket, null, Locale.ENGLISH);
        }
    }

    private void act(WorkspaceId workspace, TicketId ticket, Decision decision) {
        var locale = locale(workspace, decision.language());
        var me = new Actor(Actor.Type.SYSTEM, ASSISTANT_ID, text("chat.assistant.name", locale), workspace, null);
        switch (decision.kind()) {
            case ANSWER -> {
                var reply = tickets.reply(me, ticket, NewMessage.fromAgent(answerText(workspace, decision, locale)));
                send(workspace, ticket, ChatFrames.Assistant.of(reply.entry().id(), decision.id().value(), "answer", java.util.List.of()));
                if (decision.answer().action() == FaqAction.HAND_OFF) {
                    handOff(workspace, ticket, decision, locale);
                }
            }
            case CLARIFY -> {
                var body = decision.options().isEmpty() ? text("chat.assistant.clarify-more", locale)
                        : text("chat.assistant.clarify", locale) + decision.options().stream()
                        .map(option -> "\n• " + option.question()).reduce("", String::concat);
                var reply = tickets.reply(me, ticket, NewMessage.fromAgent(body));
                send(workspace, ticket, ChatFrames.Assistant.of(reply.entry().id(), decision.id().value(), "clarify",
                        decision.options().stream().map(o -> new ChatFrames.Assistant.Option(o.faq().value(), o.question())).toList()));
            }
            case HAND_OFF -> handOff(workspace, ticket, decision, locale);
        }
    }

    private void handOff(WorkspaceId workspace, TicketId ticket, Decision decision, Locale locale) {
        var me = new Actor(Actor.Type.SYSTEM, ASSISTANT_ID, text("chat.assistant.name", locale), workspace, null);
        if (!tickets.withAssistant(workspace, ticket)) {
            return;
        }
        var reason = decision == null || decision.reason() == null ? "not_understood" : decision.reason().name().toLowerCase(Locale.ROOT);
        // Not knowing is said as such, rather than passing the customer on without a word why.
        tickets.reply(me, ticket, NewMessage.fromAgent(text(decision != null && decision.reason() == HandOffReason.NOT_UNDERSTOOD
                ? "chat.assistant.hand-off.unknown" : "chat.assistant.hand-off", locale)));
        var team = workspaces.get(workspace).defaultLanguage();
        var likely = decision == null || decision.options().isEmpty() ? text("chat.assistant.note.none", team)
                : decision.options().getFirst().question() + String.format(Locale.ROOT, " (%.0f%%)", 100 * decision.options().getFirst().probability());
        if (decision != null && decision.answer() != null && !decision.answer().written()) {
            likely = decision.answer().question();
        }
        var note = texts.getMessage("chat.assistant.note", new Object[] {text("chat.assistant.reason." + reason, team),
                decision == null ? "und" : decision.language(), likely}, team);
        tickets.handToTeam(me, ticket, note);
    }

    private String answerText(WorkspaceId workspace, Decision decision, Locale locale) {
        var answer = decision.answer();
        var body = new StringBuilder(answer.text().strip());
        if (answer.written()) {
            body.append("\n\n").append(text("chat.assistant.sources", locale));
            for (int i = 0; i < answer.sources().size(); i++) {
                var source = answer.sources().get(i);
                body.append("\n[").append(i + 1).append("] ").append(source.title()).append(": ")
                        .append(articleLink(workspace, source.slug()));
            }
            return body.toString();
        }
        if (answer.expectation() != null && !answer.expectation().isBlank()) {
            body.append("\n\n").append(texts.getMessage("chat.assistant.expectation", new Object[] {answer.expectation()}, locale));
        }
        if (answer.article() != null) {
            try {
                var article = knowledge.get(workspace, answer.article());
                if (article.status() == ArticleStatus.PUBLISHED) {
                    body.append("\n\n").append(texts.getMessage("chat.assistant.read-more",
                            new Object[] {articleLink(workspace, article.slug())}, locale));
                }
            } catch (BusinessException gone) {
                log.debug("The answer's article {} is gone", answer.article());
            }
        }
        return body.toString();
    }

    private String articleLink(WorkspaceId workspace, String slug) {
        return address.base() + "/help/" + workspace.value() + "/articles/"
                + URLEncoder.encode(slug, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void send(WorkspaceId workspace, TicketId ticket, Object frame) {
        recipients.send(recipients.of(workspace, ticket), frame);
    }

    private Locale locale(WorkspaceId workspace, String language) {
        return switch (language) {
            case "zh" -> Locale.SIMPLIFIED_CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> workspaces.get(workspace).defaultLanguage();
        };
    }

    private String text(String key, Locale locale) {
        return texts.getMessage(key, null, locale);
    }

    @PreDestroy
    void stop() {
        answering.shutdownNow();
    }
}
