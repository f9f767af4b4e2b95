package dev.xiaoer.channel.chat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.xiaoer.channel.infra.ThreadRows;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.kernel.AfterCommit;
import dev.xiaoer.ticket.MessageAdded;
import dev.xiaoer.ticket.MessageAuthor;
import dev.xiaoer.ticket.SelfServiceLinks;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.workspace.WorkspaceId;
import dev.xiaoer.workspace.WorkspaceManagement;
import jakarta.mail.MessagingException;
import java.time.Instant;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.messaging.simp.user.SimpUserRegistry;

/**
 * E-mails the team's answer on a chat to the address the visitor left when nobody was online
 * ({@link OfflineContact}), if the visitor is not in the chat right now to read it there. Each answer
 * is a db-scheduler task (keyed by the answer, so it is sent once, and retried with back-off when the
 * mail server is away), scheduled once the answer is committed. Nothing is sent without
 * {@code spring.mail.host} ({@code XIAOER_MAIL_HOST}).
 */
@Configuration(proxyBeanMethods = false)
class ChatReplyMail {

    static final TaskDescriptor<String> SEND = TaskDescriptor.of("send-chat-reply-mail", String.class);

    private static final Logger log = LoggerFactory.getLogger(ChatReplyMail.class);

    private final ThreadRows threads;
    private final SimpUserRegistry connected;
    private final SchedulerClient scheduler;
    private final String mailHost;

    ChatReplyMail(ThreadRows threads, SimpUserRegistry connected, @Lazy SchedulerClient scheduler,
                  @Value("${spring.mail.host:}") String mailHost) {
        this.threads = threads;
        this.connected = connected;
        this.scheduler = scheduler;
        this.mailHost = mailHost;
    }

    @EventListener
    void on(MessageAdded added) {
        if (mailHost.isBlank() || added.channel() != TicketChannel.CHAT || added.internal()
                || added.author() != MessageAuthor.AGENT) {
            return;
        }
        for (var thread : threads.emailRepliesOf(added.workspace(), TicketChannel.CHAT, added.ticket())) {
            var inChat = ChatVisitor.nameOfThread(added.workspace(), thread.threadId())
                    .map(name -> connected.getUser(name) != null).orElse(false);
            if (!inChat) {
                var data = added.workspace().value() + " " + added.message() + " " + thread.address();
                // db-scheduler runs on the system clock, not the application's.
                AfterCommit.run(() -> scheduler.scheduleIfNotExists(SEND.instance(added.message() + ":" + thread.address())
                        .data(data).scheduledTo(Instant.now())));
            }
        }
    }

    @Bean
    OneTimeTask<String> sendChatReplyMail(ObjectProvider<JavaMailSender> mail, TicketManagement tickets,
                                          CustomerManagement customers, WorkspaceManagement workspaces,
                                          SelfServiceLinks links, MessageSource texts,
                                          @Value("${xiaoer.mail.from:}") String from,
                                          @Value("${spring.mail.username:}") String username) {
        return Tasks.oneTime(SEND)
                .onFailure(ThisNode.retryElsewhere(new FailureHandler.MaxRetriesFailureHandler<>(8,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(1)))))
                .execute((instance, context) -> {
                    var parts = instance.getData().split(" ", 3);
                    var workspace = new WorkspaceId(UUID.fromString(parts[0]));
                    var answer = tickets.publicEntry(workspace, UUID.fromString(parts[1])).orElse(null);
                    var sender = mail.getIfAvailable();
                    if (sender == null) {
                        throw new ThisNode.Elsewhere("this node has no mail server");
                    }
                    if (answer == null) {
                        log.warn("Chat answer {} not e-mailed: it is gone", parts[1]);
                        return;
                    }
                    var ticket = tickets.get(workspace, answer.ticket());
                    var customer = customers.get(workspace, ticket.requester());
                    var shop = workspaces.get(workspace);
                    var language = customer.language() == null ? shop.defaultLanguage()
                            : Locale.forLanguageTag(customer.language());
                    try {
                        var message = sender.createMimeMessage();
                        var helper = new MimeMessageHelper(message, false, "UTF-8");
                        helper.setFrom(from.isBlank() ? username : from, shop.name());
                        helper.setTo(parts[2]);
                        helper.setSubject(texts.getMessage("chat.mail.subject",
                                new Object[] {ticket.subject(), String.valueOf(ticket.number())}, language));
                        helper.setText(texts.getMessage("chat.mail.body", new Object[] {customer.name(),
                                answer.author().name(), answer.body(),
                                links.link(workspace, ticket.id(), ticket.requester()).toString(), shop.name()},
                                language));
                        sender.send(message);
                    } catch (MessagingException | java.io.UnsupportedEncodingException unsendable) {
                        throw new IllegalStateException("Chat answer " + parts[1] + " could not be e-mailed", unsendable);
                    }
                });
    }
}
