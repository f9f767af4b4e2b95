package dev.xiaoer.assistant;

import dev.xiaoer.assistant.internal.AnswerWriter;
import dev.xiaoer.assistant.internal.DecisionRows;
import dev.xiaoer.assistant.internal.DecisionRules;
import dev.xiaoer.assistant.internal.FaqModel;
import dev.xiaoer.assistant.internal.FaqModels;
import dev.xiaoer.assistant.internal.GapGroups;
import dev.xiaoer.assistant.internal.GenerativeRows;
import dev.xiaoer.assistant.internal.HumanRequest;
import dev.xiaoer.assistant.internal.MessageChecks;
import dev.xiaoer.assistant.internal.WrittenAnswer;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.knowledge.Faq;
import dev.xiaoer.knowledge.FaqDraft;
import dev.xiaoer.knowledge.FaqEntries;
import dev.xiaoer.knowledge.FaqId;
import dev.xiaoer.knowledge.KnowledgeBase;
import dev.xiaoer.nlu.Languages;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assistant: a customer's message in, a decision out, the same for every channel. It answers
 * what the workspace's FAQ entries cover, asks which question was meant when two or three fit, and
 * otherwise hands the conversation to a person, who sees what it understood. Asking for a person
 * ("转人工", "human", "agent") always gets one at once, and two unhelpful answers in a row hand
 * off by themselves. Every decision is recorded with the candidates it weighed.
 * <p>
 * Messages it cannot make sense of (empty, binary, too long, in a script it has no model for) get a
 * safe decision, never an exception; nothing it says comes from anywhere but the workspace's own
 * FAQ entries, or, with {@link GenerativeAnswers} on, from its published articles, cited.
 */
@Service
public class Assistant {

    public static final int GAP_DAYS = 90;
    public static final int GAP_QUESTIONS = 2_000;
    public static final int ANALYTICS_INTENTS = 100;

    /** Scripts with no model: texts in them go to a person straight away. */
    private static final Set<String> UNSUPPORTED = Set.of("ja", "ko", "ru", "ar", "th");

    /** At most this many articles are given to the writer. */
    private static final int SOURCES = 3;
    private static final Logger log = LoggerFactory.getLogger(Assistant.class);

    private final FaqModels models;
    private final FaqEntries faqs;
    private final DecisionRows decisions;
    private final KnowledgeBase knowledge;
    private final GenerativeRows generative;
    private final AnswerWriter writer;
    private final Clock clock;

    Assistant(FaqModels models, FaqEntries faqs, DecisionRows decisions, KnowledgeBase knowledge,
              GenerativeRows generative, AnswerWriter writer, Clock clock) {
        this.models = models;
        this.faqs = faqs;
        this.decisions = decisions;
        this.knowledge = knowledge;
        this.generative = generative;
        this.writer = writer;
        this.clock = clock;
    }

    public Decision decide(Enquiry enquiry) {
        var text = MessageChecks.clean(enquiry.text());
        var detected = text.isEmpty() ? Languages.UNKNOWN : Languages.detect(text);
        if (MessageChecks.tooLong(text)) {
            return handOff(enquiry, text, detected, HandOffReason.MESSAGE_TOO_LONG, null);
        }
        if (HumanRequest.asksForPerson(text)) {
            return handOff(enquiry, text, detected, HandOffReason.ASKED_FOR_PERSON, null);
        }
        if (MessageChecks.meaningless(text, enquiry.text())) {
            return record(enquiry, text, detected, DecisionKind.CLARIFY, null, null, List.of(), 0, 0, null, null);
        }
        var language = modelLanguage(detected, text);
        if (language == null) {
            return handOff(enquiry, text, detected, HandOffReason.LANGUAGE_NOT_SUPPORTED, null);
        }
        var model = models.get(enquiry.workspace(), language);
        var reading = withLexicalCandidates(enquiry.workspace(), model, text, model.read(text));
        var kind = DecisionRules.decide(language, reading);
        var best = reading.candidates().isEmpty() ? null : reading.candidates().getFirst();
        var written = kind == DecisionKind.ANSWER ? null : write(enquiry.workspace(), language, text);
        if (written != null && written.outcome() == WrittenAnswer.Outcome.ANSWERED) {
            kind = DecisionKind.ANSWER;
        }
        return record(enquiry, text, language, kind, kind == DecisionKind.HAND_OFF ? HandOffReason.NOT_UNDERSTOOD : null,
                best == null ? null : best.faq(), reading.candidates(), best == null ? 0 : best.probability(),
                reading.nearestSimilarity(), reading.embedding(), written);
    }

    /**
     * With generative answers on: what the workspace's endpoint writes from the published articles
     * the search finds for the question. Null when they are off; not covered when no article matches.
     */
    private WrittenAnswer write(WorkspaceId workspace, String language, String text) {
        var endpoint = generative.find(workspace).filter(GenerativeRows.Endpoint::enabled).orElse(null);
        if (endpoint == null) {
            return null;
        }
        List<WrittenAnswer.Source> sources = new ArrayList<>();
        for (var hit : knowledge.search(workspace, text, SOURCES)) {
            try {
                var article = knowledge.get(workspace, hit.id());
                sources.add(new WrittenAnswer.Source(article.id(), article.slug(), article.title(), article.body()));
            } catch (NotFound deletedMeanwhile) {
                log.debug("Article {} went while the assistant read it", hit.id());
            }
        }
        if (sources.isEmpty()) {
            return new WrittenAnswer(WrittenAnswer.Outcome.NOT_COVERED, null, List.of(), null);
        }
        return writer.write(workspace, endpoint, language, text, sources);
    }

    /**
     * The customer chose one of the questions offered: the assistant answers it.
     *
     * @throws InvalidInput (field {@code chosen}) when the workspace has no such entry
     */
    public Decision choose(Enquiry enquiry, FaqId faq) {
        var chosen = faqs.find(enquiry.workspace(), faq)
                .orElseThrow(() -> new InvalidInput("chosen", "assistant-chosen-unknown"));
        var language = Optional.ofNullable(FaqModels.modelLanguage(chosen.language())).orElse(chosen.language());
        return record(enquiry, chosen.question(), language, DecisionKind.ANSWER, null, chosen,
                List.of(new FaqModel.Candidate(chosen, 1)), 1, 1, null, null);
    }

    /**
     * The customer's verdict on an answer. A helpful answer ends the matter. After an unhelpful one
     * the assistant offers the other questions it weighed, or hands off when it has none or when the
     * previous answer in the conversation was unhelpful too.
     *
     * @param conversation the conversation the answer must belong to, or null for any of the workspace's
     * @return the assistant's next decision, none after a helpful answer
     * @throws NotFound    when the workspace (or conversation) has no such decision
     * @throws InvalidInput when the decision was not an answer
     */
    public Optional<Decision> feedback(WorkspaceId workspace, String conversation, DecisionId id, boolean helpful) {
        var row = decisions.find(workspace, id)
                .filter(found -> conversation == null || conversation.equals(found.conversation()))
                .orElseThrow(() -> new NotFound("decision", id));
        if (row.kind() != DecisionKind.ANSWER) {
            throw new InvalidInput("decision", "assistant-feedback-not-an-answer");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        decisions.outcome(workspace, id, helpful ? DecisionRows.Outcome.HELPFUL : DecisionRows.Outcome.UNHELPFUL, now);
        if (helpful) {
            return Optional.empty();
        }
        var enquiry = new Enquiry(workspace, row.conversation(), row.channel(), row.question());
        if (row.conversation() != null) {
            var latest = decisions.answersOf(workspace, row.conversation(), 2);
            if (latest.size() == 2 && latest.stream().allMatch(answer -> answer.outcome() == DecisionRows.Outcome.UNHELPFUL)) {
                return Optional.of(handOff(enquiry, row.question(), row.language(), HandOffReason.UNHELPFUL_ANSWERS, row.faq()));
            }
        }
        List<FaqModel.Candidate> others = new ArrayList<>();
        for (var weighed : row.candidates()) {
            if (!weighed.faq().equals(row.faq())) {
                faqs.find(workspace, weighed.faq()).ifPresent(faq -> others.add(new FaqModel.Candidate(faq, weighed.probability())));
            }
        }
        var options = DecisionRules.options(others);
        if (options.isEmpty()) {
            return Optional.of(handOff(enquiry, row.question(), row.language(), HandOffReason.NOT_UNDERSTOOD, row.faq()));
        }
        return Optional.of(record(enquiry, row.question(), row.language(), DecisionKind.CLARIFY, null,
                options.getFirst().faq(), options, options.getFirst().probability(), row.nearest(), null, null));
    }

    /**
     * What the FAQ lacks: the questions of the last {@link #GAP_DAYS} days (at most
     * {@link #GAP_QUESTIONS}, the latest) that the assistant could not settle and nobody has dealt with
     * yet, grouped by meaning, most asked first.
     */
    public List<KnowledgeGap> gaps(WorkspaceId workspace) {
        var since = clock.instant().minus(GAP_DAYS, ChronoUnit.DAYS);
        return GapGroups.group(decisions.openGaps(workspace, since, GAP_QUESTIONS));
    }

    /**
     * Adds the FAQ entry an editor wrote for a group of gaps, and closes them: the report no longer
     * shows them, and the assistant learns the entry at its next check.
     *
     * @throws InvalidInput as {@link FaqEntries#add} does, or (field {@code decisions}) when the group
     *                      was dealt with meanwhile
     */
    @Transactional
    public Faq coverGap(Actor actor, List<DecisionId> gap, FaqDraft draft) {
        requireOpen(actor.workspace(), gap);
        var faq = faqs.add(actor, draft);
        decisions.closeGaps(actor.workspace(), gap, DecisionRows.GapState.COVERED, faq.id());
        return faq;
    }

    /**
     * Teaches an existing FAQ entry a group of gaps: their questions become more of its phrasings
     * (an editor's label: these ask the same), and the group is closed.
     *
     * @throws NotFound     when the workspace has no such entry
     * @throws InvalidInput as {@link FaqEntries#revise} does, for instance when the entry would have too many phrasings
     */
    @Transactional
    public Faq addGapToFaq(Actor actor, List<DecisionId> gap, FaqId id) {
        var faq = faqs.get(actor.workspace(), id);
        var phrasings = new ArrayList<>(faq.phrasings());
        phrasings.addAll(requireOpen(actor.workspace(), gap));
        var revised = faqs.revise(actor, faq.id(), new FaqDraft(faq.language(), faq.question(), faq.answer(),
                faq.expectation(), phrasings, faq.article(), faq.action()));
        decisions.closeGaps(actor.workspace(), gap, DecisionRows.GapState.COVERED, faq.id());
        return revised;
    }

    /**
     * The questions of the group's gaps that are still open.
     *
     * @throws InvalidInput (field {@code decisions}) when none is: someone dealt with the group meanwhile
     */
    private List<String> requireOpen(WorkspaceId workspace, List<DecisionId> gap) {
        var questions = decisions.openGapQuestions(workspace, gap);
        if (questions.isEmpty()) {
            throw new InvalidInput("decisions", "assistant-gap-invalid");
        }
        return questions;
    }

    /** Retrains the workspace's models in the background: what "retrain now" on the analytics page does. */
    public void retrainSoon(WorkspaceId workspace) {
        models.retrainInBackground(workspace);
    }

    /** Takes a group of gaps off the report without an FAQ entry (noise, or nothing to answer); how many it closed. */
    @Transactional
    public int dismissGap(WorkspaceId workspace, List<DecisionId> gap) {
        return decisions.closeGaps(workspace, gap, DecisionRows.GapState.DISMISSED, null);
    }

    /** How the assistant did over the last {@code days} (1 to 365). */
    public AssistantAnalytics analytics(WorkspaceId workspace, int days) {
        var window = Math.clamp(days, 1, 365);
        var since = clock.instant().minus(window, ChronoUnit.DAYS);
        var totals = decisions.totals(workspace, since);
        var intents = decisions.intents(workspace, since, ANALYTICS_INTENTS).stream()
                .map(counts -> new AssistantAnalytics.IntentAccuracy(counts.faq(),
                        faqs.find(workspace, counts.faq()).map(Faq::question).orElse(null), counts.answers(),
                        counts.helpful(), counts.unhelpful()))
                .toList();
        return new AssistantAnalytics(window, totals.decisions(), totals.conversations(), totals.contained(),
                totals.handedOff(), totals.answers(), totals.written(), totals.helpful(), totals.unhelpful(),
                decisions.handOffs(workspace, since), intents);
    }

    /** Trains the workspace's models again from its FAQ entries as they are now. */
    public void retrain(WorkspaceId workspace) {
        models.retrain(workspace);
    }

    /** Zh for texts with Chinese characters, en for English; null for a script the assistant has no model for. */
    private static String modelLanguage(String detected, String text) {
        if (FaqModels.understands(detected)) {
            return detected;
        }
        if (UNSUPPORTED.contains(detected)) {
            return null;
        }
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) ? "zh" : "en";
    }

    /** Entries the search finds by their words join the candidates, so a clarifying question can offer them. */
    private FaqModel.Reading withLexicalCandidates(WorkspaceId workspace, FaqModel model, String text, FaqModel.Reading reading) {
        if (model.isEmpty()) {
            return reading;
        }
        List<FaqModel.Candidate> candidates = new ArrayList<>(reading.candidates());
        for (var match : faqs.match(workspace, text, DecisionRules.MAX_OPTIONS)) {
            var faq = model.faq(match.id());
            if (faq != null && candidates.stream().noneMatch(candidate -> candidate.faq().id().equals(faq.id()))) {
                candidates.add(new FaqModel.Candidate(faq, 0));
            }
        }
        return new FaqModel.Reading(candidates, reading.nearestSimilarity(), reading.embedding());
    }

    private Decision handOff(Enquiry enquiry, String text, String language, HandOffReason reason, FaqId likely) {
        var faq = likely == null ? null : faqs.find(enquiry.workspace(), likely).orElse(null);
        return record(enquiry, text, language, DecisionKind.HAND_OFF, reason, faq,
                faq == null ? List.of() : List.of(new FaqModel.Candidate(faq, 0)), 0, 0, null, null);
    }

    /** Records the decision; with {@code written} answered, the answer is the written one and no entry is its intent. */
    private Decision record(Enquiry enquiry, String text, String language, DecisionKind kind, HandOffReason reason,
                            Faq likely, List<FaqModel.Candidate> candidates, double confidence, double nearest,
                            float[] embedding, WrittenAnswer written) {
        var id = DecisionId.random();
        var question = text.length() > 1000 ? text.substring(0, 1000) : text;
        var isWritten = written != null && written.outcome() == WrittenAnswer.Outcome.ANSWERED;
        var intent = isWritten ? null : likely;
        var writing = written == null ? null : new DecisionRows.Writing(written.outcome(), written.text(),
                written.cited().stream().map(WrittenAnswer.Source::id).toList());
        decisions.insert(new DecisionRows.Row(id, enquiry.workspace(), enquiry.conversation(), enquiry.channel(), question,
                language, kind, reason, intent == null ? null : intent.id(), confidence, nearest,
                candidates.stream().limit(5).map(c -> new DecisionRows.Weighed(c.faq().id(), c.probability())).toList(),
                null, clock.instant().truncatedTo(ChronoUnit.MICROS), writing), embedding);
        Decision.Answer answer = null;
        if (isWritten) {
            answer = new Decision.Answer(null, null, written.text(), null, null, null, written.cited().stream()
                    .map(source -> new Decision.Source(source.id(), source.slug(), source.title())).toList());
        } else if (kind == DecisionKind.ANSWER) {
            answer = Decision.Answer.of(intent);
        }
        var options = kind == DecisionKind.ANSWER ? List.<Decision.Option>of()
                : (kind == DecisionKind.CLARIFY ? DecisionRules.options(candidates) : candidates.stream().limit(DecisionRules.MAX_OPTIONS).toList())
                .stream().map(c -> new Decision.Option(c.faq().id(), c.faq().question(), c.probability())).toList();
        return new Decision(id, kind, language, intent == null ? null : intent.id(), confidence, answer, options, reason);
    }
}
