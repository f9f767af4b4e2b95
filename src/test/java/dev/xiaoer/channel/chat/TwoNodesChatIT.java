package dev.xiaoer.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.XiaoerApplication;
import dev.xiaoer.support.RequiresRabbitMq;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketApi;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes of Xiaoer on one database, relaying chat through RabbitMQ: a visitor connected to one
 * node gets the answer an agent writes on the other.
 */
@RequiresRabbitMq
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesChatIT {

    ConfigurableApplicationContext first;
    ConfigurableApplicationContext second;
    ChatVisitorClient visitors;

    @BeforeAll
    void startTwoNodes() {
        first = node();
        second = node();
        visitors = new ChatVisitorClient();
    }

    @AfterAll
    void stopNodes() {
        if (visitors != null) {
            visitors.close();
        }
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aVisitorOnOneNodeGetsTheAnswerWrittenOnTheOther() throws Exception {
        var shop = first.getBean(TestWorkspaces.class).create("Two Node Orchard");
        var agentOnFirst = TicketApi.forToken(port(first), shop.token());
        var visitor = visitors.connect(port(second), shop.workspace().id().value().toString(), "v-" + UUID.randomUUID());

        visitor.send("c-1", "两台服务器也能收到吗？");
        var ack = visitor.next();
        assertThat(ack).containsEntry("type", "ack");
        var ticket = agentOnFirst.client.get().uri("/api/v1/tickets/by-number/{n}", ack.get("ticketNumber"))
                .exchange().expectStatus().isOk().expectBody(TicketApi.JSON).returnResult().getResponseBody();

        agentOnFirst.reply(TicketApi.id(ticket), "能，第一台写的回复到了第二台。");
        assertThat(visitor.next()).containsEntry("type", "message")
                .containsEntry("text", "能，第一台写的回复到了第二台。");
    }

    private static ConfigurableApplicationContext node() {
        // Both nodes share one database: PostgreSQL in CI's second pass, else one in-memory H2
        // database that both nodes in this JVM open by name.
        var database = System.getenv().getOrDefault("XIAOER_DB_URL",
                "jdbc:h2:mem:xiaoer-two-nodes;MODE=PostgreSQL;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        return new SpringApplicationBuilder(XiaoerApplication.class, TestWorkspaces.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + database,
                        "--xiaoer.chat.relay.host=" + RequiresRabbitMq.HOST,
                        "--xiaoer.chat.relay.port=" + RequiresRabbitMq.STOMP_PORT);
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }
}
