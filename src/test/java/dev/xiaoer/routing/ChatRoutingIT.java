package dev.xiaoer.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import dev.xiaoer.agent.AgentChanges;
import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.IdentityType;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Role;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.NewTicket;
import dev.xiaoer.ticket.Requester;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketChanges;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The chat queue: who gets a new chat, who does not, and what happens when an agent leaves. */
@IntegrationTest
class ChatRoutingIT {

    static final Duration WITHIN = Duration.ofSeconds(10);

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    AgentManagement agents;
    @Autowired
    TicketManagement tickets;
    @Autowired
    ChatRouting routing;

    TestWorkspaces.TestWorkspace shop;
    Actor admin;

    @BeforeEach
    void shop() {
        shop = workspaces.create("Orchard Direct");
        admin = new Actor(Actor.Type.USER, shop.admin().id().value(), "Admin", shop.workspace().id(), Role.ADMIN);
        // The admin is an agent too, but stays offline unless a test says otherwise.
    }

    @Test
    void aNewChatGoesToTheOnlineAgentWithTheFewestOpenChats() {
        var busy = agent(AgentStatus.ONLINE, 5);
        var free = agent(AgentStatus.ONLINE, 5);
        agent(AgentStatus.OFFLINE, 5);
        assign(chat("我的化肥什么时候到？"), busy);

        var chat = chat("桃子坏了一半");

        await().atMost(WITHIN).until(() -> current(chat).assignee() != null);
        assertThat(current(chat).assignee()).isEqualTo(free);
    }

    @Test
    void anAgentAtCapacityGetsNoNewChatWhichWaitsUntilTheyHaveRoom() {
        var agent = agent(AgentStatus.ONLINE, 1);
        var first = chat("Where is my parcel?");
        await().atMost(WITHIN).until(() -> agent.equals(current(first).assignee()));

        var second = chat("Do you ship to Germany?");
        assertQueued(second);
        assertThat(routing.queue(shop.workspace().id())).extracting(TicketView::id).containsExactly(second.id());

        tickets.update(actorOf(agent), first.id(), TicketChanges.status(TicketStatus.SOLVED), null);
        await().atMost(WITHIN).until(() -> agent.equals(current(second).assignee()));
    }

    @Test
    void anAwayAgentKeepsTheirChatsButGetsNoNewOnes() {
        var agent = agent(AgentStatus.ONLINE, 5);
        var kept = chat("Seeds did not germinate");
        await().atMost(WITHIN).until(() -> agent.equals(current(kept).assignee()));

        agents.setStatus(shop.workspace().id(), agent, AgentStatus.AWAY);
        var waiting = chat("Invoice please");

        assertQueued(waiting);
        assertThat(current(kept).assignee()).isEqualTo(agent);
    }

    @Test
    void anAgentWhoGoesOfflineHandsTheirChatsBackAndAnOnlineColleagueGetsThem() {
        var leaving = agent(AgentStatus.ONLINE, 5);
        var one = chat("第一个问题");
        var two = chat("第二个问题");
        await().atMost(WITHIN).until(() -> leaving.equals(current(one).assignee())
                && leaving.equals(current(two).assignee()));
        var colleague = agent(AgentStatus.OFFLINE, 5);

        agents.setStatus(shop.workspace().id(), leaving, AgentStatus.OFFLINE);
        await().atMost(WITHIN).until(() -> current(one).assignee() == null && current(two).assignee() == null);
        assertThat(routing.queue(shop.workspace().id())).extracting(TicketView::id).containsExactly(one.id(), two.id());

        agents.setStatus(shop.workspace().id(), colleague, AgentStatus.ONLINE);
        await().atMost(WITHIN).until(() -> colleague.equals(current(one).assignee())
                && colleague.equals(current(two).assignee()));
    }

    @Test
    void manyChatsAtOnceNeverGiveAnAgentMoreThanTheirCapacity() throws Exception {
        var first = agent(AgentStatus.ONLINE, 3);
        var second = agent(AgentStatus.ONLINE, 4);
        var start = new CountDownLatch(1);
        var created = new ArrayList<Future<TicketView>>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (var i = 0; i < 12; i++) {
                var text = "Question " + i;
                created.add(pool.submit(() -> {
                    start.await();
                    return chat(text);
                }));
            }
            start.countDown();
            var chats = new ArrayList<TicketView>();
            for (var future : created) {
                chats.add(future.get());
            }

            await().atMost(WITHIN).until(() -> assignees(chats).getOrDefault(Optional.empty(), 0L) == 5);
            assertThat(assignees(chats)).containsOnly(entry(Optional.of(first), 3L), entry(Optional.of(second), 4L),
                    entry(Optional.empty(), 5L));
            assertThat(routing.queue(shop.workspace().id())).hasSize(5);
        }
    }

    @Test
    void anAgentTakesTheLongestWaitingChatFromTheQueueThemselves() {
        var older = chat("I waited longest");
        chat("I came later");
        var agent = agent(AgentStatus.AWAY, 5);

        var taken = routing.takeNext(actorOf(agent));

        assertThat(taken).get().extracting(TicketView::id).isEqualTo(older.id());
        assertThat(current(older).assignee()).isEqualTo(agent);
        assertThat(routing.queue(shop.workspace().id())).hasSize(1);
    }

    private void assertQueued(TicketView chat) {
        // Routing runs after the commit; the sweep and triggers have had their chance once this holds.
        await().pollDelay(Duration.ofMillis(500)).atMost(WITHIN)
                .until(() -> routing.queue(shop.workspace().id()).stream().anyMatch(t -> t.id().equals(chat.id())));
        assertThat(current(chat).assignee()).isNull();
    }

    private Map<Optional<UserId>, Long> assignees(List<TicketView> chats) {
        return chats.stream().collect(Collectors.groupingBy(chat -> Optional.ofNullable(current(chat).assignee()),
                Collectors.counting()));
    }

    private UserId agent(AgentStatus status, int capacity) {
        var user = workspaces.user(shop.workspace(), Role.AGENT).id();
        agents.update(shop.workspace().id(), user, new AgentChanges(null, null, capacity, status, null), admin);
        return user;
    }

    private TicketView chat(String text) {
        var visitor = new ChannelIdentity(IdentityType.CHAT_VISITOR, "v-" + UUID.randomUUID());
        return tickets.create(admin, NewTicket.fromCustomer(Requester.identity(visitor, null), text, text)
                .via(TicketChannel.CHAT));
    }

    private void assign(TicketView chat, UserId agent) {
        tickets.update(admin, chat.id(), TicketChanges.none().withAssignee(agent), null);
    }

    private TicketView current(TicketView chat) {
        return tickets.get(shop.workspace().id(), chat.id());
    }

    private Actor actorOf(UserId agent) {
        return new Actor(Actor.Type.USER, agent.value(), "Agent", shop.workspace().id(), Role.AGENT);
    }
}
