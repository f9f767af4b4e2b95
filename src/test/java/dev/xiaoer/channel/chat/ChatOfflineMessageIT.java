package dev.xiaoer.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketApi;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.user.SimpUserRegistry;

/**
 * A message left while nobody was online, with an e-mail address: the answer reaches the customer by
 * e-mail (a real SMTP server, GreenMail) once they have left the chat, and in the chat while they are in it.
 */
@IntegrationTest
class ChatOfflineMessageIT {

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    CustomerManagement customers;
    @Autowired
    SimpUserRegistry connected;

    TestWorkspaces.TestWorkspace shop;
    TicketApi agent;
    ChatVisitorClient visitors;

    @BeforeEach
    void shopWithNobodyOnline() {
        shop = workspaces.create("Peach Orchard Direct");
        agent = TicketApi.forToken(port, shop.token());
        visitors = new ChatVisitorClient();
    }

    @AfterEach
    void stop() {
        visitors.close();
    }

    @Test
    void theAnswerToAMessageLeftWithAnAddressIsEmailedOnceTheVisitorHasLeft() throws Exception {
        var visitorId = "v-" + UUID.randomUUID();
        var visitor = visitors.connect(port, workspaceId(), visitorId);
        assertThat(visitor.state()).containsEntry("online", false);
        send(visitor, "c-1", "周末能送货吗？", "Wang.Fang@Example.cn");
        var number = ((Number) visitor.next().get("ticketNumber")).longValue();
        var ticket = agent.byNumber(number);
        var customer = customers.get(shop.workspace().id(),
                new CustomerId(UUID.fromString((String) TicketApi.map(ticket.get("requester")).get("id"))));
        assertThat(customer.email()).isEqualTo("wang.fang@example.cn");
        assertThat(agent.timeline(TicketApi.id(ticket))).anySatisfy(entry -> assertThat(entry)
                .containsEntry("kind", "note").extractingByKey("body").asString().contains("wang.fang@example.cn"));

        visitor.session.disconnect();
        await().atMost(Duration.ofSeconds(10)).until(() -> connected.getUser(shop.workspace().id().value() + ":"
                + visitorId) == null);
        agent.reply(TicketApi.id(ticket), "周六上午可以送到，下午两点前。");

        await().atMost(Duration.ofSeconds(15)).until(() -> mail.getReceivedMessages().length == 1);
        var sent = mail.getReceivedMessages()[0];
        assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("wang.fang@example.cn");
        assertThat(sent.getSubject()).contains("周末能送货吗？").contains("#" + number);
        assertThat(sent.getFrom()[0].toString()).contains("service@orchard.example");
        assertThat(sent.getContent().toString()).contains("周六上午可以送到，下午两点前。").contains("/self-service/");
    }

    @Test
    void whileTheVisitorIsInTheChatTheAnswerComesThereAndNoEmailIsSent() throws Exception {
        var visitor = visitors.connect(port, workspaceId(), "v-" + UUID.randomUUID());
        send(visitor, "c-1", "Do you ship on weekends?", "john@example.com");
        var ticket = agent.byNumber(((Number) visitor.next().get("ticketNumber")).longValue());

        agent.reply(TicketApi.id(ticket), "Yes, on Saturday mornings.");

        assertThat(visitor.next()).containsEntry("type", "message").containsEntry("text", "Yes, on Saturday mornings.");
        assertThat(mail.waitForIncomingEmail(3000, 1)).isFalse();
    }

    @Test
    void aPhoneNumberIsKeptForACallBackAndSomethingThatIsNeitherIsRefusedWithNothingStored() throws Exception {
        var visitor = visitors.connect(port, workspaceId(), "v-" + UUID.randomUUID());
        send(visitor, "c-1", "请回电", "not a contact at all");
        assertThat(visitor.next()).containsEntry("type", "error").containsEntry("code", "invalid-contact");
        assertThat(agent.numbers("")).isEmpty();

        send(visitor, "c-2", "请回电", "+86 138 0013 8000");
        var ticket = agent.byNumber(((Number) visitor.next().get("ticketNumber")).longValue());
        assertThat(agent.timeline(TicketApi.id(ticket))).anySatisfy(entry -> assertThat(entry)
                .containsEntry("kind", "note").extractingByKey("body").asString().contains("+8613800138000"));
        visitor.session.disconnect();
        agent.reply(TicketApi.id(ticket), "好的，我们下午给您打电话。");
        assertThat(mail.waitForIncomingEmail(3000, 1)).isFalse();
    }

    private String workspaceId() {
        return shop.workspace().id().value().toString();
    }

    private static void send(ChatStompIT.Visitor visitor, String clientId, String text, String contact) {
        var headers = new StompHeaders();
        headers.setDestination(VisitorConnect.SEND_DESTINATION);
        headers.add(ChatController.CLIENT_ID_HEADER, clientId);
        visitor.session.send(headers, Map.of("clientId", clientId, "text", text, "contact", contact));
    }
}
