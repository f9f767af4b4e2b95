package dev.xiaoer;

import static dev.xiaoer.support.ApiClient.json;
import static dev.xiaoer.support.WorkspaceResources.id;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.support.BrowserSession;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.OpenApiDocument;
import dev.xiaoer.support.OpenApiDocument.Operation;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.support.WorkspaceResources;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Workspaces are isolated: a token or a signed-in user of workspace A gets 404 for every resource of
 * workspace B, on every operation of the REST API and every page that takes an id, exactly as for an
 * id that does not exist, sees nothing of B in any list, and changes nothing of B. A reference to
 * B's resource inside a request body (a team member, a merge source) is refused exactly as a
 * reference to nothing: 400 naming the field, since the resource the request addresses exists.
 *
 * <p>The operations come from the OpenAPI document, so a new endpoint is walked as soon as it is
 * documented; the tables below say which of a workspace's resources each parameter and body names.
 * An operation the tables cannot exercise fails {@link #everyOperationAndPageCanBeExercisedByThisTest()}
 * with what to add.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceIsolationIT {

    /**
     * Which resource each path parameter names, keyed by the path template up to and including the
     * parameter: {@code /api/v1/teams/{id}} also serves {@code /api/v1/teams/{id}/members/{userId}}.
     * A key starting with a method ({@code DELETE /api/v1/teams/{id}}) serves that one operation
     * alone. The first value is what the operation works on; more values are further resources of
     * B that must look just as missing to A (a merged-away customer, a team that still has members).
     */
    private static final Map<String, Function<WorkspaceResources, List<String>>> PATH_VALUES = Map.ofEntries(
            entry("/api/v1/customers/{id}", r -> List.of(id(r.customer()), id(r.mergedAway()))),
            entry("/api/v1/customers/{id}/identities/{type}", r -> List.of("wechat_openid")),
            entry("/api/v1/customers/{id}/identities/{type}/{value}", r -> List.of(r.customerOpenId())),
            entry("/api/v1/agents/{userId}", r -> List.of(id(r.agent()))),
            entry("/api/v1/teams/{id}", r -> List.of(id(r.team()))),
            entry("DELETE /api/v1/teams/{id}", r -> List.of(id(r.emptyTeam()), id(r.team()))),
            entry("/api/v1/teams/{id}/members/{userId}", r -> List.of(id(r.agent()))),
            entry("/api/v1/tickets/{id}", r -> List.of(id(r.ticket()), id(r.threadTicket()))),
            entry("/api/v1/tickets/by-number/{number}", r -> List.of(r.ticket().path("number").asString())),
            entry("/api/v1/tickets/{id}/attachments/{attachmentId}", r -> List.of(id(r.attachment()))),
            entry("/api/v1/ticket-fields/{id}", r -> List.of(id(r.ticketField()))),
            entry("/api/v1/canned-replies/{id}", r -> List.of(id(r.cannedReply()))),
            entry("/api/v1/articles/{id}", r -> List.of(id(r.article()))),
            entry("/api/v1/faqs/{id}", r -> List.of(id(r.faq()))),
            entry("/api/v1/assistant/decisions/{id}", r -> List.of(id(r.decision()))),
            entry("/api/v1/knowledge-imports/{id}", r -> List.of(id(r.knowledgeImport()))));

    /**
     * Filters of lists, by parameter name, filled with workspace B's values: a list of A filtered by
     * B's team or B's text shows nothing of B, and answers as for a filter matching nothing. Every
     * query parameter that takes an id must be here.
     */
    private static final Map<String, Function<WorkspaceResources, String>> QUERY_VALUES = Map.ofEntries(
            entry("q", WorkspaceResources::marker),
            // What an imported file holds, not a filter: the same in every workspace.
            entry("kind", r -> "faqs"),
            entry("tag", WorkspaceResources::marker),
            entry("category", WorkspaceResources::marker),
            entry("team", r -> id(r.team())),
            entry("assignee", r -> id(r.agent())),
            entry("requester", r -> id(r.customer())));

    /**
     * Relevance searches, by "METHOD path": they rank the caller's own articles and FAQ entries by the
     * words they share with the query, so B's marker and another random text can share a token (such
     * as "iso") with A's own data and rank it differently. For them the walk does not compare B's value
     * with an absent one; it still sends B's value and checks that nothing of B comes back. That the
     * search never crosses workspaces is tested in {@code knowledge/KnowledgeBaseIT}.
     */
    private static final Set<String> RELEVANCE_SEARCHES = Set.of("GET /api/v1/articles/search",
            "GET /api/v1/faqs/match");

    /**
     * Request bodies, by operation. {@link Refs#id} marks a reference to another resource: the walk
     * names workspace B's resource there, one reference at a time, and expects 400 naming the field.
     * {@link Refs#value} takes a value (an e-mail, an openid, a name) from workspace B: it must not
     * collide with B's, since B is another workspace. An operation whose body has no id fields and
     * needs no such values may be left out: its body is made from the schema's required properties
     * and examples. Upload (multipart) operations always need an entry.
     */
    private static final Map<String, BodySample> BODIES = Map.ofEntries(
            entry("POST /api/v1/customers", refs -> json("name", "Walk-in customer",
                    "email", refs.value(r -> r.customer().path("email").asString()),
                    "phone", refs.value(r -> r.customer().path("phone").asString()),
                    "identities", List.of(json("type", "wechat_openid",
                            "value", refs.value(WorkspaceResources::customerOpenId))))),
            entry("PATCH /api/v1/customers/{id}", refs -> json("name", "Renamed customer", "tier", "",
                    "email", refs.value(r -> r.duplicate().path("email").asString()))),
            entry("POST /api/v1/customers/{id}/identities", refs -> json("type", "wechat_openid",
                    "value", refs.value(WorkspaceResources::customerOpenId))),
            entry("POST /api/v1/customers/{id}/merge", refs -> json("source", refs.id(WorkspaceResources::duplicate))),
            entry("POST /api/v1/agents", refs -> json("email", unique("agent") + "@example.test",
                    "displayName", "New agent", "teams", List.of(refs.id(WorkspaceResources::team)))),
            entry("PATCH /api/v1/agents/{userId}", refs -> json("status", "online", "role", "supervisor",
                    "capacity", 9)),
            entry("POST /api/v1/teams", refs -> json("name", refs.value(r -> r.team().path("name").asString()),
                    "members", List.of(refs.id(WorkspaceResources::agent)))),
            entry("PATCH /api/v1/teams/{id}", refs -> json("name", "Renamed " + unique("team"),
                    "description", "")),
            entry("POST /api/v1/tickets", refs -> json("subject", "Parcel damaged", "body", "The box was crushed.",
                    "requester", json("customerId", refs.id(WorkspaceResources::customer)),
                    "assignee", refs.id(WorkspaceResources::agent), "team", refs.id(WorkspaceResources::team))),
            entry("PATCH /api/v1/tickets/{id}", refs -> json("subject", "Renamed ticket", "priority", "urgent",
                    "assignee", refs.id(WorkspaceResources::agent), "team", refs.id(WorkspaceResources::team))),
            entry("POST /api/v1/tickets/{id}/merge", refs -> json("into", refs.id(WorkspaceResources::otherTicket))),
            entry("POST /api/v1/tickets/{id}/attachments",
                    refs -> WorkspaceResources.textFile("delivery-note.txt", "Delivery note 88123")),
            entry("POST /api/v1/ticket-fields", refs -> json("key", refs.value(r -> r.ticketField().path("key")
                    .asString()), "label", "Order number", "type", "text")),
            entry("PATCH /api/v1/ticket-fields/{id}", refs -> json("label", "Renamed field")),
            // Titles and shortcuts are unique per workspace: B's must not stand in A's way.
            entry("POST /api/v1/canned-replies", refs -> cannedReply(refs)),
            entry("PUT /api/v1/canned-replies/{id}", refs -> cannedReply(refs)),
            // A language version of the workspace's article: each in a language of its own, so that it can be
            // written again.
            entry("POST /api/v1/articles", refs -> json("title", "Delivery times", "body", "Three to five days.",
                    "language", unique("en"), "category", refs.id(WorkspaceResources::category),
                    "translationOf", refs.id(WorkspaceResources::article))),
            entry("PUT /api/v1/articles/{id}", refs -> json("title", "Renamed article", "body", "Changed.",
                    "category", refs.id(WorkspaceResources::category))),
            entry("POST /api/v1/faqs", refs -> json("language", "en", "question", "When does it arrive?",
                    "answer", "In three days.", "article", refs.id(WorkspaceResources::article))),
            entry("PUT /api/v1/faqs/{id}", refs -> json("language", "en", "question", "When does it arrive?",
                    "answer", "In four days.", "article", refs.id(WorkspaceResources::article))),
            entry("POST /api/v1/assistant/decisions", refs -> json("text", "多久到货？",
                    "chosen", refs.id(WorkspaceResources::faq))),
            entry("POST /api/v1/knowledge-imports", refs -> WorkspaceResources.textFile("faqs.csv",
                    "question,answer\nDo you ship to villages?,Yes: three to five days.\n")),
            entry("POST /api/v1/article-categories", refs -> json("name", unique("Returns"),
                    "parent", refs.id(WorkspaceResources::category))),
            entry("POST /api/v1/inbound-messages", refs -> json("channel", "email",
                    "from", json("email", refs.value(r -> r.customer().path("email").asString())),
                    "body", "Is my parcel on its way?", "externalThreadId", refs.value(WorkspaceResources::thread))));

    /**
     * Which resource each path variable of a page names, keyed as {@link #PATH_VALUES}. Pages are
     * found from the application's request mappings, outside {@code /api}.
     */
    private static final Map<String, Function<WorkspaceResources, List<String>>> PAGE_VALUES = Map.ofEntries(
            entry("/admin/tokens/{id}", r -> List.of(r.tokenId())),
            // B opened tickets first (see below), so B's ticket number is one A does not have.
            entry("/tickets/{number}", r -> List.of(r.ticket().path("number").asString())),
            entry("/monitor/chats/{number}", r -> List.of(r.ticket().path("number").asString())),
            entry("/tickets/{number}/attachments/{attachment}", r -> List.of(id(r.attachment()))),
            entry("/customers/{id}", r -> List.of(id(r.customer()), id(r.mergedAway()))),
            entry("/admin/canned-replies/{id}", r -> List.of(id(r.cannedReply()))),
            entry("/canned-replies/picker/{number}", r -> List.of(r.ticket().path("number").asString())),
            entry("/knowledge/{id}", r -> List.of(id(r.article()))),
            entry("/knowledge/faqs/{id}", r -> List.of(id(r.faq()))),
            entry("/knowledge/imports/{id}", r -> List.of(id(r.knowledgeImport()))));

    /**
     * The form a page's POST sends, by "METHOD template", filled with the values of the workspace
     * whose resource the page names: a form that would change that resource if the page let the
     * caller reach it (the walk then sees the change in B), and that its own workspace's admin can
     * send with success (so that the 404 is about the workspace, not about a form the page refuses).
     */
    private static final Map<String, Function<WorkspaceResources, Map<String, String>>> PAGE_FORMS = Map.ofEntries(
            entry("POST /admin/tokens/{id}/revoke", r -> Map.of()),
            entry("POST /tickets/{number}/messages", r -> Map.of("kind", "reply",
                    "body", "A reply through the page", "then", "solved")),
            entry("POST /tickets/{number}/fields", r -> Map.of("version", r.ticket().path("version").asString(),
                    "priority", "urgent", "tags", "from-the-page")),
            entry("POST /tickets/{number}/transfer", r -> Map.of("assignee", "", "team", "",
                    "note", "Handed back to the queue through the page")),
            // The supervisor takes the ticket over: it changes hands (and gets a timeline entry) in B if the page let A.
            entry("POST /monitor/chats/{number}/assignee", r -> Map.of("agent", "me")),
            entry("POST /admin/canned-replies/{id}", r -> Map.of("title", "Renamed from the page",
                    "texts[0].text", "{{customer.name}}您好", "texts[1].text", "Hello {{customer.name}}")),
            entry("POST /admin/canned-replies/{id}/delete", r -> Map.of()),
            entry("POST /knowledge/{id}", r -> Map.of("title", "Renamed from the page", "body", "Changed.",
                    "language", "zh-CN", "version", "1")),
            entry("POST /knowledge/{id}/publish", r -> Map.of("version", "1")),
            entry("POST /knowledge/{id}/withdraw", r -> Map.of("version", "1", "to", "ARCHIVED")),
            entry("POST /knowledge/{id}/restore", r -> Map.of("version", "1", "restore", "1")),
            entry("POST /knowledge/faqs/{id}", r -> Map.of("language", "zh-CN", "question", "Renamed from the page",
                    "answer", "Changed.", "action", "NONE")),
            entry("POST /knowledge/faqs/{id}/delete", r -> Map.of()));

    /**
     * Pages whose path variable is a signed link, keyed as {@link #PAGE_VALUES}: the link itself is
     * the credential (of a customer, who has no account), so the page answers the same with or
     * without a session, and a signed-in user of another workspace is no different from anybody
     * holding the link. Nothing of the session is there to isolate; what is, that a link opens
     * nothing but the ticket, customer, workspace and attachments it was signed for and that an
     * altered or expired link opens nothing, is tested in {@code ticket/web/TicketPageAccessIT} and
     * {@code ticket/web/SelfServiceBrowserIT}.
     */
    private static final Set<String> SIGNED_LINK_PAGES = Set.of("/self-service/{token}");

    /**
     * Public pages, keyed as {@link #PAGE_VALUES}: a workspace's help center is meant for anybody,
     * signed in anywhere or not, and shows published articles only. That it shows no draft and that
     * its search finds nothing of another workspace is tested in {@code knowledge/KnowledgeBaseIT} and
     * {@code knowledge/web/HelpCenterBrowserIT}.
     */
    private static final Set<String> PUBLIC_PAGES = Set.of("/help/{workspace}");

    private static final String NOT_FOUND = "https://xiaoer.dev/problems/not-found";

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    IdentityManagement identity;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private OpenApiDocument document;
    private WorkspaceResources a;
    private WorkspaceResources b;

    @BeforeAll
    void twoWorkspacesWithOneOfEverything() {
        document = OpenApiDocument.fetch(port);
        a = WorkspaceResources.create(port, workspaces, identity, "Workspace A");
        // B opens tickets first, so that B's ticket numbers are ones A does not have.
        b = WorkspaceResources.create(port, workspaces, identity, "Workspace B", 3);
    }

    @Test
    void everyOperationAndPageCanBeExercisedByThisTest() {
        var problems = new ArrayList<String>();
        var used = new HashSet<String>();
        for (var operation : document.operations()) {
            problems.addAll(plan(operation, used).problems());
        }
        for (var page : pages()) {
            if (page.method().equals("POST") && !PAGE_FORMS.containsKey(page.method() + " " + page.path())) {
                problems.add(page.method() + " " + page.path() + " has no form in PAGE_FORMS. Add the fields that"
                        + " make it succeed for its own workspace.");
            }
            for (var variable : page.variables()) {
                if (rule(PAGE_VALUES, page.method(), page.path(), variable, used).isEmpty()) {
                    problems.add(page.method() + " " + page.path() + ": page path variable '" + variable + "' is not in"
                            + " PAGE_VALUES. Add which of a workspace's resources it names (key \""
                            + prefix(page.path(), variable) + "\").");
                }
            }
        }
        var documented = new HashSet<String>();
        document.operations().forEach(operation -> documented.add(operation.path()));
        for (var mapping : handlers()) {
            mapping.getValue().getPatternValues().stream()
                    .filter(path -> path.startsWith("/api/") && !documented.contains(path))
                    .forEach(path -> problems.add(path + " (" + mapping.getKey().getShortLogMessage() + ") is not in"
                            + " the OpenAPI document, so no test walks it. Document it (do not hide it)."));
        }
        problems.addAll(requestBodiesSharingASchemaName());
        PATH_VALUES.keySet().stream().filter(key -> !used.contains("path " + key))
                .forEach(key -> problems.add("PATH_VALUES has \"" + key + "\", which no operation uses: remove it."));
        BODIES.keySet().stream().filter(key -> !used.contains("body " + key))
                .forEach(key -> problems.add("BODIES has \"" + key + "\", which no operation with a body uses: remove"
                        + " it."));
        QUERY_VALUES.keySet().stream().filter(key -> !used.contains("query " + key))
                .forEach(key -> problems.add("QUERY_VALUES has \"" + key + "\", which no operation takes: remove it."));
        PAGE_VALUES.keySet().stream().filter(key -> !used.contains("path " + key))
                .forEach(key -> problems.add("PAGE_VALUES has \"" + key + "\", which no page uses: remove it."));
        var pageKeys = new HashSet<String>();
        pages().forEach(page -> pageKeys.add(page.method() + " " + page.path()));
        PAGE_FORMS.keySet().stream().filter(key -> !pageKeys.contains(key))
                .forEach(key -> problems.add("PAGE_FORMS has \"" + key + "\", which is no page: remove it."));
        SIGNED_LINK_PAGES.stream()
                .filter(prefix -> allPages().stream().noneMatch(page -> page.path().startsWith(prefix)))
                .forEach(prefix -> problems.add("SIGNED_LINK_PAGES has \"" + prefix + "\", which no page starts"
                        + " with: remove it."));

        assertThat(problems).as("WorkspaceIsolationIT must be able to exercise every operation of the OpenAPI"
                + " document and every page with an id; teach it the ones below").isEmpty();
    }

    /**
     * Two request bodies with one schema name are one schema in the OpenAPI document, which then
     * describes one of the two operations wrongly, and this test would read the wrong id fields.
     */
    private List<String> requestBodiesSharingASchemaName() {
        var types = new HashMap<String, Set<String>>();
        for (var mapping : handlers()) {
            for (var parameter : mapping.getKey().getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    var type = parameter.getParameterType();
                    var schema = type.getAnnotation(Schema.class);
                    var name = schema == null || schema.name().isEmpty() ? type.getSimpleName() : schema.name();
                    types.computeIfAbsent(name, key -> new TreeSet<>()).add(type.getName());
                }
            }
        }
        var problems = new ArrayList<String>();
        types.forEach((name, classes) -> {
            if (classes.size() > 1) {
                problems.add("Request bodies " + classes + " share the schema name " + name + ", so the OpenAPI"
                        + " document shows one of them for both. Name them apart with @Schema(name = ...).");
            }
        });
        return problems;
    }

    @Test
    void aTokenOfAnotherWorkspaceGets404ForEveryResourceOnEveryOperationAndChangesNothing() {
        var before = snapshot(b);
        var failures = new ArrayList<String>();
        var walked = 0;
        for (var plan : plans()) {
            for (var choice : foreignChoices(plan)) {
                var request = request(plan, choice, a, false);
                var answer = send(a.api(), request);
                walked++;
                var wrong = unexpected(choice, answer);
                if (wrong.isPresent()) {
                    failures.add(request + " with " + choice.label() + " answered " + answer + "; expected "
                            + wrong.get());
                } else if (leaksFrom(b, answer.body(), request.values())) {
                    failures.add(request + " with " + choice.label() + " was refused but told something of"
                            + " workspace B: " + answer.body());
                }
            }
        }
        failures.addAll(changesTo(b, before));

        assertThat(walked).as("operations walked").isPositive();
        assertThat(failures).as("workspace A's token reached workspace B's resources").isEmpty();
    }

    /**
     * What a request naming B's resources must get, when it got something else: 404 not-found when
     * the resource in the path is B's; 400 naming the field when only a reference in the body is
     * (the resource addressed exists, the input is wrong: a client must not take it for a deleted
     * resource).
     */
    private static Optional<String> unexpected(Choice choice, Answer answer) {
        if (!choice.foreignPath().isEmpty()) {
            return answer.status() == 404 && answer.problemType().equals(NOT_FOUND) ? Optional.empty()
                    : Optional.of("404 with problem type " + NOT_FOUND);
        }
        return answer.status() == 400 && answer.errorFields().stream().anyMatch(choice.referenceFields()::contains)
                ? Optional.empty()
                : Optional.of("400 with an error naming the field " + String.join(" or ", choice.referenceFields())
                        + ", as for an id that exists nowhere");
    }

    @Test
    void anotherWorkspacesIdAnswersExactlyAsAnIdThatDoesNotExist() {
        var before = snapshot(b);
        var failures = new ArrayList<String>();
        for (var plan : plans()) {
            for (var choice : foreignChoices(plan)) {
                var foreign = request(plan, choice, a, false);
                var absent = request(plan, choice, a, true);
                var foreignAnswer = send(a.api(), foreign);
                var absentAnswer = send(a.api(), absent);
                if (!foreignAnswer.sameOutcomeAs(absentAnswer, foreign.values(), absent.values())) {
                    failures.add(foreign + " with " + choice.label() + " answered " + foreignAnswer + " but "
                            + absent + " answered " + absentAnswer + ": A can tell B's ids from missing ones");
                }
            }
        }
        failures.addAll(changesTo(b, before));

        assertThat(failures).as("existence oracles across workspaces").isEmpty();
    }

    @Test
    void everyOperationWorksWithItsOwnWorkspacesValuesEvenWhereWorkspaceBUsesTheSame() {
        var before = snapshot(b);
        var failures = new ArrayList<String>();
        for (var plan : plans()) {
            if (foreignChoices(plan).isEmpty() && plan.values() == 0) {
                continue;
            }
            // A fresh workspace per operation: a control may delete or merge what the next one needs.
            var own = WorkspaceResources.create(port, workspaces, identity, "Control");
            var request = request(plan, Choice.own(plan, own), own, false);
            var answer = send(own.api(), request);
            if (answer.status() < 200 || answer.status() > 299) {
                failures.add(request + " in its own workspace answered " + answer + ". Either the sample in"
                        + " WorkspaceIsolationIT is wrong (then the 404s of the walk prove nothing), or a value"
                        + " workspace B also uses collided with B's.");
            }
        }
        failures.addAll(changesTo(b, before));

        assertThat(failures).as("operations that fail with their own workspace's values").isEmpty();
    }

    @Test
    void listsSearchesAndOwnResourcesOfATokenShowNothingOfAnotherWorkspace() {
        var failures = new ArrayList<String>();
        var reads = 0;
        for (var plan : plans()) {
            if (!plan.operation().method().equals("GET")) {
                continue;
            }
            var own = request(plan, Choice.own(plan, a), a, false);
            var variants = new ArrayList<Request>();
            variants.add(own);
            for (var filter : plan.operation().in("query")) {
                var value = QUERY_VALUES.get(filter.name());
                if (value != null) {
                    var foreign = own.withQuery(filter.name(), value.apply(b));
                    var absent = own.withQuery(filter.name(), absentLike(value.apply(b)));
                    var foreignAnswer = send(a.api(), foreign);
                    var absentAnswer = send(a.api(), absent);
                    var ranked = RELEVANCE_SEARCHES.contains(plan.operation().method() + " " + plan.operation().path());
                    if (!ranked && !foreignAnswer.sameOutcomeAs(absentAnswer, foreign.values(), absent.values())) {
                        failures.add(foreign + " answered " + foreignAnswer + " but " + absent + " answered "
                                + absentAnswer);
                    }
                    variants.add(foreign);
                }
            }
            for (var request : variants) {
                var answer = send(a.api(), request);
                reads++;
                if (answer.status() != 200) {
                    failures.add(request + " answered " + answer + " to its own workspace; expected 200");
                } else if (leaksFrom(b, answer.body(), request.values())) {
                    failures.add(request + " showed workspace B's data to A: " + answer.body());
                }
            }
        }

        assertThat(reads).as("reads made").isPositive();
        assertThat(failures).as("what workspace A reads").isEmpty();
    }

    @Test
    void aSignedInAdminOfAnotherWorkspaceGets404ForEveryPageThatTakesAnIdOfIt() {
        var pages = pages();
        Assumptions.assumeFalse(pages.isEmpty(), "No page takes an id yet: nothing to walk for signed-in users.");
        var before = snapshot(b);
        var failures = new ArrayList<String>();
        var session = signedIn(a);
        for (var page : pages) {
            // With its own workspace's values the page works, so its 404 below is about the workspace.
            var own = WorkspaceResources.create(port, workspaces, identity, "Page control");
            var ownPath = pagePath(page, own, Map.of());
            var control = open(signedIn(own), page, ownPath, own, false);
            if (control.statusCode() >= 400) {
                failures.add(page.method() + " " + ownPath + " answered " + control.statusCode() + " to an admin of"
                        + " its own workspace: the value in PAGE_VALUES or the form in PAGE_FORMS does not fit this"
                        + " page.");
            }
            for (var htmx : List.of(false, true)) {
                for (var variable : page.variables()) {
                    for (var value : rule(PAGE_VALUES, page.method(), page.path(), variable, new HashSet<>())
                            .orElseThrow().apply(b)) {
                        var foreignPath = pagePath(page, a, Map.of(variable, value));
                        var absentPath = pagePath(page, a, Map.of(variable, absentLike(value)));
                        var foreign = open(session, page, foreignPath, b, htmx);
                        var absent = open(session, page, absentPath, b, htmx);
                        var how = page.method() + " " + foreignPath + (htmx ? " (htmx)" : "");
                        if (foreign.statusCode() != 404) {
                            failures.add(how + " answered " + foreign.statusCode() + "; expected 404");
                        } else if (leaksFrom(b, foreign.body(), List.of(value))) {
                            failures.add(how + " answered 404 but showed workspace B's data");
                        }
                        if (foreign.statusCode() != absent.statusCode()) {
                            failures.add(how + " answered " + foreign.statusCode() + " but the same page with an id"
                                    + " that does not exist answered " + absent.statusCode());
                        }
                    }
                }
            }
        }
        failures.addAll(changesTo(b, before));

        assertThat(failures).as("pages of workspace B seen by workspace A's admin").isEmpty();
    }

    // --- planning: what to send for each operation of the document --------------------------------------

    /** One operation with the rules for its parameters and body, or why it cannot be exercised. */
    private record Plan(Operation operation, Map<String, Function<WorkspaceResources, List<String>>> pathRules,
                        Optional<BodySample> body, int references, int values, List<String> problems) {
    }

    private List<Plan> plans() {
        var plans = new ArrayList<Plan>();
        for (var operation : document.operations()) {
            var plan = plan(operation, new HashSet<>());
            assertThat(plan.problems()).as("see everyOperationAndPageCanBeExercisedByThisTest").isEmpty();
            plans.add(plan);
        }
        return plans;
    }

    private Plan plan(Operation operation, Set<String> used) {
        var problems = new ArrayList<String>();
        var pathRules = new LinkedHashMap<String, Function<WorkspaceResources, List<String>>>();
        for (var parameter : operation.in("path")) {
            var rule = rule(PATH_VALUES, operation.method(), operation.path(), parameter.name(), used);
            if (rule.isPresent()) {
                pathRules.put(parameter.name(), rule.get());
            } else {
                problems.add(operation + ": path parameter '" + parameter.name() + "' is not in PATH_VALUES. Add"
                        + " which of a workspace's resources it names (key \""
                        + prefix(operation.path(), parameter.name()) + "\"), and create such a resource in"
                        + " WorkspaceResources if it is a new kind.");
            }
        }
        for (var parameter : operation.in("query")) {
            if (QUERY_VALUES.containsKey(parameter.name())) {
                used.add("query " + parameter.name());
            } else if (parameter.isId() || parameter.required()) {
                problems.add(operation + ": query parameter '" + parameter.name() + "' takes "
                        + (parameter.isId() ? "an id" : "a required value") + " but is not in QUERY_VALUES. Add"
                        + " which of workspace B's values to filter by.");
            }
        }
        for (var parameter : operation.in("header")) {
            if (parameter.required()) {
                problems.add(operation + ": required header '" + parameter.name() + "' cannot be sent yet; teach"
                        + " WorkspaceIsolationIT to send it.");
            }
        }
        Optional<BodySample> body = Optional.empty();
        var references = 0;
        var values = 0;
        if (operation.body().isPresent()) {
            var spec = operation.body().get();
            var sample = BODIES.get(operation.key());
            if (sample != null) {
                used.add("body " + operation.key());
                var refs = new Refs(a, b, slot -> false, false);
                var built = sample.build(refs);
                references = refs.references;
                values = refs.values;
                if (!spec.isMultipart()) {
                    var json = OpenApiDocument.toJson(built);
                    for (var idPath : document.idPaths(spec.schema())) {
                        if (!filled(json, idPath)) {
                            problems.add(operation + ": the sample body in BODIES leaves the id field '" + idPath
                                    + "' empty. Fill it with refs.id(...) so that a reference to another"
                                    + " workspace's resource is tried there.");
                        }
                    }
                }
                body = Optional.of(sample);
            } else if (spec.isMultipart()) {
                problems.add(operation + ": uploads " + spec.mediaType() + " and has no sample in BODIES. Add one.");
            } else if (!document.idPaths(spec.schema()).isEmpty()) {
                problems.add(operation + ": its body has id fields " + document.idPaths(spec.schema()) + " and no"
                        + " sample in BODIES. Add one that fills them with refs.id(...).");
            } else {
                var minimal = document.minimalBody(spec.schema());
                if (minimal.isPresent()) {
                    var fixed = minimal.get();
                    body = Optional.of(refs -> fixed);
                } else {
                    problems.add(operation + ": a valid body cannot be made from its schema (a required field has"
                            + " no example). Add a sample to BODIES.");
                }
            }
        }
        return new Plan(operation, pathRules, body, references, values, problems);
    }

    /** The rule for a parameter: by "METHOD template" for the operation alone, else by the template up to it. */
    private static <T> Optional<T> rule(Map<String, T> rules, String method, String template, String parameter,
                                        Set<String> used) {
        var prefix = prefix(template, parameter);
        var keys = prefix.equals(template) ? List.of(method + " " + prefix, prefix) : List.of(prefix);
        for (var key : keys) {
            if (rules.containsKey(key)) {
                used.add("path " + key);
                return Optional.of(rules.get(key));
            }
        }
        return Optional.empty();
    }

    private static String prefix(String template, String parameter) {
        var placeholder = "{" + parameter + "}";
        return template.substring(0, template.indexOf(placeholder) + placeholder.length());
    }

    private static boolean filled(JsonNode json, String path) {
        if (path.isEmpty()) {
            return json != null && !json.isNull() && !json.isMissingNode();
        }
        var dot = path.indexOf('.');
        var head = dot < 0 ? path : path.substring(0, dot);
        var rest = dot < 0 ? "" : path.substring(dot + 1);
        if (head.endsWith("[]")) {
            var array = json.path(head.substring(0, head.length() - 2));
            if (!array.isArray() || array.isEmpty()) {
                return false;
            }
            for (var item : array) {
                if (!filled(item, rest)) {
                    return false;
                }
            }
            return true;
        }
        return filled(json.path(head), rest);
    }

    // --- choices: which parts of a request name workspace B ----------------------------------------------

    /**
     * Which of a request's references name workspace B: {@code path} holds every path value,
     * {@code foreignPath} the parameters whose value is B's, {@code foreignReferences} the body
     * references that name B's resources.
     */
    private record Choice(String label, Map<String, String> path, Set<String> foreignPath,
                          Set<Integer> foreignReferences, List<String> referenceFields) {

        static Choice own(Plan plan, WorkspaceResources own) {
            var path = new LinkedHashMap<String, String>();
            plan.pathRules().forEach((name, rule) -> path.put(name, rule.apply(own).getFirst()));
            return new Choice("its own values", path, Set.of(), Set.of(), List.of());
        }
    }

    /**
     * Each of B's values in turn in each path parameter and body reference, the rest A's own, and
     * then all of B's together; a choice that differs from A's own nowhere is left out.
     */
    private List<Choice> foreignChoices(Plan plan) {
        var own = Choice.own(plan, a).path();
        var choices = new ArrayList<Choice>();
        plan.pathRules().forEach((name, rule) -> {
            for (var value : rule.apply(b)) {
                if (!value.equals(own.get(name))) {
                    var path = new LinkedHashMap<>(own);
                    path.put(name, value);
                    choices.add(new Choice("B's {" + name + "} " + value, path, Set.of(name), Set.of(), List.of()));
                }
            }
        });
        var fields = new ArrayList<String>();
        for (int slot = 0; slot < plan.references(); slot++) {
            var field = referencePath(plan, slot);
            fields.add(field);
            choices.add(new Choice("B's id in the body at " + field, own, Set.of(), Set.of(slot), List.of(field)));
        }
        if (plan.pathRules().size() + plan.references() > 1) {
            var path = new LinkedHashMap<String, String>();
            var foreign = new LinkedHashSet<String>();
            plan.pathRules().forEach((name, rule) -> {
                path.put(name, rule.apply(b).getFirst());
                if (!path.get(name).equals(own.get(name))) {
                    foreign.add(name);
                }
            });
            var slots = new HashSet<Integer>();
            IntStream.range(0, plan.references()).forEach(slots::add);
            choices.add(new Choice("all of B's ids", path, foreign, slots, fields));
        }
        return choices;
    }

    /** The body field a reference lands in (such as {@code members[0]}): where it holds B's id when that slot names B. */
    private String referencePath(Plan plan, int slot) {
        var refs = new Refs(a, b, s -> s == slot, false);
        var body = OpenApiDocument.toJson(plan.body().orElseThrow().build(refs));
        return pathOf(body, refs.foreignIds.getFirst(), "").orElse("reference #" + slot);
    }

    private static Optional<String> pathOf(JsonNode json, String value, String path) {
        if (json.isString() && json.asString().equals(value)) {
            return Optional.of(path);
        }
        var found = Optional.<String>empty();
        if (json.isObject()) {
            for (var name : json.propertyNames()) {
                found = found.or(() -> pathOf(json.path(name), value, path.isEmpty() ? name : path + "." + name));
            }
        } else if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                var index = i;
                found = found.or(() -> pathOf(json.path(index), value, path + "[" + index + "]"));
            }
        }
        return found;
    }

    /** A request as planned; with {@code absent}, B's values replaced by ones that exist nowhere. */
    private Request request(Plan plan, Choice choice, WorkspaceResources caller, boolean absent) {
        var operation = plan.operation();
        var path = new LinkedHashMap<String, String>();
        var replaced = new ArrayList<String>();
        for (var parameter : operation.in("path")) {
            var value = choice.path().get(parameter.name());
            if (choice.foreignPath().contains(parameter.name())) {
                value = absent ? absentLike(value) : value;
                replaced.add(value);
            }
            path.put(parameter.name(), value);
        }
        Object body = null;
        if (plan.body().isPresent()) {
            var refs = new Refs(caller, b, choice.foreignReferences()::contains, absent);
            body = plan.body().get().build(refs);
            replaced.addAll(refs.named);
        }
        return new Request(operation, path, new TreeMap<>(), body, replaced);
    }

    /** A value of the same shape as the given one (a number, an id, a text) that exists nowhere. */
    private static String absentLike(String value) {
        if (value.chars().allMatch(Character::isDigit)) {
            return "987654321";
        }
        return value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                ? UUID.randomUUID().toString() : "absent" + unique("value");
    }

    // --- sending --------------------------------------------------------------------------------------

    /** A concrete request; {@code values} are the ones naming B (or standing in for B's), for messages. */
    private record Request(Operation operation, Map<String, String> path, Map<String, String> query, Object body,
                           List<String> values) {

        Request withQuery(String name, String value) {
            var more = new TreeMap<>(query);
            more.put(name, value);
            var named = new ArrayList<>(values);
            named.add(value);
            return new Request(operation, path, more, body, named);
        }

        String template() {
            var template = new StringBuilder(operation.path());
            query.keySet().forEach(name -> template.append(template.indexOf("?") < 0 ? '?' : '&')
                    .append(name).append("={").append(name).append('}'));
            return template.toString();
        }

        Map<String, String> variables() {
            var variables = new LinkedHashMap<>(path);
            variables.putAll(query);
            return variables;
        }

        @Override
        public String toString() {
            var uri = operation.path();
            for (var variable : path.entrySet()) {
                uri = uri.replace("{" + variable.getKey() + "}", variable.getValue());
            }
            var text = new StringBuilder(operation.method()).append(' ').append(uri);
            query.forEach((name, value) -> text.append(text.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                    .append(value));
            return text.toString();
        }
    }

    private static Answer send(RestTestClient api, Request request) {
        var spec = api.method(HttpMethod.valueOf(request.operation().method()))
                .uri(request.template(), request.variables())
                .accept(MediaType.ALL);
        var exchange = request.body() == null ? spec.exchange()
                : spec.contentType(MediaType.parseMediaType(request.operation().body().orElseThrow().mediaType()))
                        .body(request.body()).exchange();
        var result = exchange.expectBody(byte[].class).returnResult();
        var contentType = result.getResponseHeaders().getContentType();
        var body = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        return new Answer(result.getStatus().value(), contentType == null ? "" : contentType.toString(), body);
    }

    private record Answer(int status, String contentType, String body) {

        /** The fields a problem detail's {@code errors} name. */
        List<String> errorFields() {
            if (problemType().isEmpty()) {
                return List.of();
            }
            var fields = new ArrayList<String>();
            OpenApiDocument.parse(body).path("errors").forEach(error -> fields.add(error.path("field").asString()));
            return fields;
        }

        /** The problem {@code type}, or empty when the answer is no problem detail. */
        String problemType() {
            return contentType.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    ? OpenApiDocument.parse(body).path("type").asString("") : "";
        }

        /**
         * Same status, problem type and title, and the same detail (or, for a success, the same
         * body) once the values each request named are blanked out: nothing tells the two apart.
         */
        boolean sameOutcomeAs(Answer other, List<String> values, List<String> otherValues) {
            if (status != other.status || !problemType().equals(other.problemType())) {
                return false;
            }
            if (problemType().isEmpty()) {
                return blank(body, values).equals(blank(other.body, otherValues));
            }
            return Objects.equals(field("title"), other.field("title"))
                    && Objects.equals(blank(field("detail"), values), blank(other.field("detail"), otherValues));
        }

        private String field(String name) {
            return problemType().isEmpty() ? null : OpenApiDocument.parse(body).path(name).asString(null);
        }

        private static String blank(String text, List<String> values) {
            if (text == null) {
                return null;
            }
            var blanked = text;
            for (var value : values) {
                blanked = blanked.replace(value, "…");
            }
            return blanked;
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    // --- workspace B as B sees it -----------------------------------------------------------------------

    /** Whatever B reads through every GET of the API, with every value its path parameters can take. */
    private Map<String, String> snapshot(WorkspaceResources workspace) {
        var reads = new TreeMap<String, String>();
        for (var operation : document.operations()) {
            if (!operation.method().equals("GET")) {
                continue;
            }
            var plan = plan(operation, new HashSet<>());
            if (!plan.problems().isEmpty()) {
                continue;
            }
            var own = Choice.own(plan, workspace);
            var requests = new ArrayList<Request>();
            requests.add(request(plan, own, workspace, false));
            plan.pathRules().forEach((name, rule) -> rule.apply(workspace).stream().skip(1).forEach(value -> {
                var path = new LinkedHashMap<>(own.path());
                path.put(name, value);
                requests.add(request(plan, new Choice("variant", path, Set.of(), Set.of(), List.of()), workspace,
                        false));
            }));
            for (var request : requests) {
                var answer = send(workspace.api(), request);
                reads.put(request.toString(), answer.status() + " " + answer.body());
            }
        }
        return reads;
    }

    private List<String> changesTo(WorkspaceResources workspace, Map<String, String> snapshot) {
        var now = snapshot(workspace);
        var changes = new ArrayList<String>();
        snapshot.forEach((read, before) -> {
            var after = now.get(read);
            if (!before.equals(after)) {
                changes.add("Workspace B's " + read + " changed from " + before + " to " + after);
            }
        });
        return changes;
    }

    /** Whether the text shows a name or an id of the workspace other than those the caller itself sent. */
    private static boolean leaksFrom(WorkspaceResources workspace, String text, List<String> sent) {
        var told = text;
        for (var value : sent) {
            told = told.replace(value, "");
        }
        return told.contains(workspace.marker()) || workspace.ids().stream().anyMatch(told::contains);
    }

    // --- pages ----------------------------------------------------------------------------------------

    private record Page(String method, String path, List<String> variables) {
    }

    /**
     * The application's own pages (outside {@code /api}) whose path takes a variable, but for those
     * opened by a signed link ({@link #SIGNED_LINK_PAGES}).
     */
    private List<Page> pages() {
        return allPages().stream()
                .filter(page -> SIGNED_LINK_PAGES.stream().noneMatch(page.path()::startsWith))
                .filter(page -> PUBLIC_PAGES.stream().noneMatch(page.path()::startsWith))
                .toList();
    }

    /** Every page (outside {@code /api}) whose path takes a variable, as a template without patterns. */
    private List<Page> allPages() {
        var pages = new ArrayList<Page>();
        for (var mapping : handlers()) {
            var methods = mapping.getValue().getMethodsCondition().getMethods();
            for (var pattern : mapping.getValue().getPatternValues()) {
                if (pattern.startsWith("/api/") || !pattern.contains("{")) {
                    continue;
                }
                var path = withoutPatterns(pattern);
                var variables = new ArrayList<String>();
                var matcher = Pattern.compile("\\{([^}:]+)[^}]*}").matcher(path);
                while (matcher.find()) {
                    variables.add(matcher.group(1));
                }
                for (var method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    pages.add(new Page(method.name(), path, variables));
                }
            }
        }
        return pages;
    }

    /**
     * {@code /tickets/{number:\d{1,18}}} as {@code /tickets/{number}}: the template the tables are
     * keyed by. A pattern may hold braces of its own, so they are counted.
     */
    private static String withoutPatterns(String pattern) {
        var template = new StringBuilder();
        var depth = 0;
        var skipping = false;
        for (var c : pattern.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    skipping = false;
                }
            } else if (c == ':' && depth == 1) {
                skipping = true;
            }
            if (!skipping || (c == '}' && depth == 0)) {
                template.append(c);
            }
        }
        return template.toString();
    }

    /**
     * The workspace's admin, signed in, on the page the home address leads to (whose CSRF token later
     * requests carry).
     */
    private BrowserSession signedIn(WorkspaceResources workspace) {
        var session = new BrowserSession(port);
        var signIn = session.signIn(workspace.workspace().admin().email(), TestWorkspaces.PASSWORD);
        assertThat(signIn.headers().firstValue("Location")).as("sign-in").hasValueSatisfying(
                location -> assertThat(location).doesNotContain("/login"));
        // The home address sends an agent on to their inbox.
        var home = session.get("/");
        var start = home.statusCode() / 100 == 3
                ? home.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "") : "/";
        assertThat(start).as("where the home address leads a signed-in admin").doesNotContain("/login");
        var page = session.get(start);
        assertThat(page.statusCode()).as(start).isEqualTo(200);
        assertThat(page.body()).as(start + " carries the session's CSRF token").contains("name=\"_csrf\"");
        return session;
    }

    /**
     * A link or form (GET, or POST with the CSRF field and the page's form from {@link #PAGE_FORMS}
     * filled with {@code target}'s values), or the same through htmx.
     */
    private static HttpResponse<String> open(BrowserSession session, Page page, String path,
                                             WorkspaceResources target, boolean htmx) {
        var method = page.method();
        var form = PAGE_FORMS.getOrDefault(method + " " + page.path(), r -> Map.of()).apply(target);
        if (htmx || !Set.of("GET", "POST").contains(method)) {
            return session.htmx(method, path, form);
        }
        return method.equals("GET") ? session.get(path) : session.submit(path, form);
    }

    private List<Map.Entry<HandlerMethod, RequestMappingInfo>> handlers() {
        var handlers = new ArrayList<Map.Entry<HandlerMethod, RequestMappingInfo>>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("dev.xiaoer")) {
                handlers.add(Map.entry(handler, info));
            }
        });
        return handlers;
    }

    private static String pagePath(Page page, WorkspaceResources own, Map<String, String> overrides) {
        var path = page.path();
        for (var variable : page.variables()) {
            var value = overrides.getOrDefault(variable,
                    rule(PAGE_VALUES, page.method(), page.path(), variable, new HashSet<>()).orElseThrow()
                            .apply(own).getFirst());
            path = path.replace("{" + variable + "}", value);
        }
        return path;
    }

    // --- bodies ---------------------------------------------------------------------------------------

    /** Builds an operation's request body from what {@link Refs} hands out. */
    @FunctionalInterface
    private interface BodySample {
        Object build(Refs refs);
    }

    /**
     * What a body sample may use. {@link #id} hands out a reference to one of the caller's own
     * resources, or, in the reference slots a walk chooses, to workspace B's (or to nothing at all,
     * when checking that B's ids answer as missing ones). {@link #value} always hands out workspace
     * B's value: sharing a value with another workspace must not matter.
     */
    private static final class Refs {

        private final WorkspaceResources own;
        private final WorkspaceResources foreign;
        private final IntPredicate foreignSlot;
        private final boolean absent;
        private final List<String> named = new ArrayList<>();
        private final List<String> foreignIds = new ArrayList<>();
        private int references;
        private int values;

        Refs(WorkspaceResources own, WorkspaceResources foreign, IntPredicate foreignSlot, boolean absent) {
            this.own = own;
            this.foreign = foreign;
            this.foreignSlot = foreignSlot;
            this.absent = absent;
        }

        String id(Function<WorkspaceResources, JsonNode> resource) {
            var slot = references++;
            if (!foreignSlot.test(slot)) {
                return WorkspaceResources.id(resource.apply(own));
            }
            var id = absent ? UUID.randomUUID().toString() : WorkspaceResources.id(resource.apply(foreign));
            named.add(id);
            foreignIds.add(id);
            return id;
        }

        String value(Function<WorkspaceResources, String> value) {
            values++;
            var foreignValue = value.apply(foreign);
            named.add(foreignValue);
            return foreignValue;
        }
    }

    private static Map<String, Object> cannedReply(Refs refs) {
        return json("title", refs.value(r -> r.cannedReply().path("title").asString()),
                "shortcut", refs.value(r -> r.cannedReply().path("shortcut").asString()),
                "texts", List.of(json("language", "en", "text", "Hello {{customer.name}}, your parcel is coming.")));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
