package dev.xiaoer.automation;

import dev.xiaoer.automation.domain.CannedReplyRules;
import dev.xiaoer.automation.domain.LanguageChoice;
import dev.xiaoer.automation.domain.ReplyTemplate;
import dev.xiaoer.automation.domain.ReplyVariable;
import dev.xiaoer.automation.infra.CannedReplyRows;
import dev.xiaoer.customer.Customer;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's canned replies: kept by admins, searched and filled in by agents. A reply's texts
 * are checked when saved (known variables only, one text per language), so filling one for a ticket
 * never fails and never shows a raw {@code {{…}}}.
 */
@Service
public class CannedReplies {

    /** Most replies the picker offers for one search. */
    public static final int PICKER_LIMIT = 50;

    private final CannedReplyRows rows;
    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final Clock clock;

    CannedReplies(CannedReplyRows rows, TicketManagement tickets, CustomerManagement customers, Clock clock) {
        this.rows = rows;
        this.tickets = tickets;
        this.customers = customers;
        this.clock = clock;
    }

    /** Every reply whose title, shortcut or text contains the query; all of them for a blank one. */
    @Transactional(readOnly = true)
    public List<CannedReply> list(WorkspaceId workspace, String query) {
        return rows.search(workspace, query, CannedReplyRules.MAX_REPLIES);
    }

    @Transactional(readOnly = true)
    public CannedReply get(WorkspaceId workspace, CannedReplyId id) {
        return rows.find(workspace, id).orElseThrow(() -> new NotFound("canned-reply", id));
    }

    /**
     * @throws InvalidInput      for the first refusal of {@link CannedReplyRules}, or when the workspace has too
     *                           many replies
     * @throws CannedReplyTaken  when another reply has the title or the shortcut
     */
    @Transactional
    public CannedReply create(WorkspaceId workspace, CannedReplyDraft draft) {
        var checked = CannedReplyRules.check(draft).orThrow();
        if (rows.count(workspace) >= CannedReplyRules.MAX_REPLIES) {
            throw new InvalidInput("title", "too-many-canned-replies", CannedReplyRules.MAX_REPLIES);
        }
        refuseTaken(workspace, checked, null);
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var reply = new CannedReply(CannedReplyId.random(), workspace, checked.title(), checked.shortcut(),
                checked.texts(), now, now);
        if (!rows.insert(reply, CannedReplyRules.titleKey(reply.title()))) {
            // Taken by a reply saved at the same moment.
            refuseTaken(workspace, checked, null);
            throw CannedReplyTaken.title(checked.title());
        }
        return reply;
    }

    /**
     * Replaces the reply's title, shortcut and texts; a language left out is dropped.
     *
     * @throws NotFound         when the workspace has no such reply
     * @throws InvalidInput     for the first refusal of {@link CannedReplyRules}
     * @throws CannedReplyTaken when another reply has the title or the shortcut
     */
    @Transactional
    public CannedReply update(WorkspaceId workspace, CannedReplyId id, CannedReplyDraft draft) {
        var current = get(workspace, id);
        var checked = CannedReplyRules.check(draft).orThrow();
        refuseTaken(workspace, checked, id);
        var reply = new CannedReply(id, workspace, checked.title(), checked.shortcut(), checked.texts(),
                current.createdAt(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        try {
            rows.update(reply, CannedReplyRules.titleKey(reply.title()));
        } catch (DuplicateKeyException savedMeanwhile) {
            var message = String.valueOf(savedMeanwhile.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
            throw message.contains("shortcut") ? CannedReplyTaken.shortcut(checked.shortcut())
                    : CannedReplyTaken.title(checked.title());
        }
        return reply;
    }

    /** @throws NotFound when the workspace has no such reply */
    @Transactional
    public void delete(WorkspaceId workspace, CannedReplyId id) {
        if (!rows.delete(workspace, id)) {
            throw new NotFound("canned-reply", id);
        }
    }

    /**
     * The replies matching the query, filled in for a ticket of the agent's workspace: each in the
     * language of the ticket's customer when it has a text in it, else in the agent's, else its first.
     *
     * @param agentLanguage the language the agent reads, the second choice
     * @throws NotFound when the agent's workspace has no ticket with this number
     */
    @Transactional(readOnly = true)
    public List<FilledReply> filledFor(Actor agent, long ticketNumber, String query, Locale agentLanguage) {
        var workspace = agent.workspace();
        var ticket = tickets.findByNumber(workspace, ticketNumber)
                .orElseThrow(() -> new NotFound("ticket", "#" + ticketNumber));
        var customer = customers.find(workspace, ticket.requester());
        var values = new EnumMap<ReplyVariable, String>(ReplyVariable.class);
        values.put(ReplyVariable.CUSTOMER_NAME, customer.map(Customer::name).orElse(ticket.requesterName()));
        values.put(ReplyVariable.TICKET_NUMBER, String.valueOf(ticket.number()));
        values.put(ReplyVariable.TICKET_SUBJECT, ticket.subject());
        values.put(ReplyVariable.AGENT_NAME, agent.name());
        var preferences = new ArrayList<String>();
        preferences.add(customer.map(Customer::language).orElse(null));
        preferences.add(agentLanguage == null ? null : agentLanguage.toLanguageTag());
        return rows.search(workspace, query, PICKER_LIMIT).stream()
                .map(reply -> {
                    var text = LanguageChoice.best(reply.texts(), preferences).orElseThrow();
                    return new FilledReply(reply.id(), reply.title(), reply.shortcut(), text.language(),
                            ReplyTemplate.fill(text.text(), values));
                })
                .toList();
    }

    private void refuseTaken(WorkspaceId workspace, CannedReplyDraft checked, CannedReplyId except) {
        if (rows.withTitle(workspace, CannedReplyRules.titleKey(checked.title()), except).isPresent()) {
            throw CannedReplyTaken.title(checked.title());
        }
        if (checked.shortcut() != null && rows.withShortcut(workspace, checked.shortcut(), except).isPresent()) {
            throw CannedReplyTaken.shortcut(checked.shortcut());
        }
    }
}
