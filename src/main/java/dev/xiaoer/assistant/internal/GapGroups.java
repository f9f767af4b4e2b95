package dev.xiaoer.assistant.internal;

import dev.xiaoer.assistant.KnowledgeGap;
import dev.xiaoer.nlu.SentenceEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Groups unsettled questions by meaning, one pass in the order given (newest first): a question joins
 * the group whose centre is most similar to it if that similarity reaches the language's threshold,
 * and starts a group otherwise. Linear in questions times groups (see docs/benchmarks.md for the time
 * a report of 2,000 questions takes), and needs no number of groups set in advance.
 */
public final class GapGroups {

    /**
     * How similar a question must be to a group's centre to join it. Paraphrases of one question score
     * about 0.85 to 0.95 with these models, different questions of one shop 0.5 to 0.75.
     */
    static final Map<String, Double> THRESHOLDS = Map.of("en", 0.80, "zh", 0.80);

    private GapGroups() {
    }

    /** The groups, most asked first, then the most recently asked. */
    public static List<KnowledgeGap> group(List<DecisionRows.Gap> questions) {
        List<Group> groups = new ArrayList<>();
        for (var question : questions) {
            Group best = null;
            double bestSimilarity = -1;
            for (var group : groups) {
                if (!group.language.equals(question.language())) {
                    continue;
                }
                double similarity = group.similarity(question.embedding());
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    best = group;
                }
            }
            if (best != null && bestSimilarity >= THRESHOLDS.getOrDefault(question.language(), 0.80)) {
                best.add(question);
            } else {
                var group = new Group(question.language(), question.embedding().length);
                group.add(question);
                groups.add(group);
            }
        }
        return groups.stream().map(Group::gap)
                .sorted(Comparator.comparingInt(KnowledgeGap::asked).reversed()
                        .thenComparing(KnowledgeGap::lastAsked, Comparator.reverseOrder()))
                .toList();
    }

    private static final class Group {
        final String language;
        final float[] sum;
        final List<DecisionRows.Gap> members = new ArrayList<>();
        double length;

        Group(String language, int dimensions) {
            this.language = language;
            this.sum = new float[dimensions];
        }

        void add(DecisionRows.Gap question) {
            members.add(question);
            var vector = question.embedding();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += vector[i];
            }
            length = Math.sqrt(SentenceEncoder.cosine(sum, sum));
        }

        /** Cosine similarity with the group's centre; embeddings are unit vectors, the sum of them is not. */
        double similarity(float[] vector) {
            return length == 0 ? 0 : SentenceEncoder.cosine(sum, vector) / length;
        }

        KnowledgeGap gap() {
            var centre = members.stream().max(Comparator.comparingDouble(m -> similarity(m.embedding())))
                    .orElseThrow();
            var examples = new LinkedHashSet<String>();
            for (var member : members) {
                if (!member.question().equalsIgnoreCase(centre.question()) && examples.size() < KnowledgeGap.MAX_EXAMPLES) {
                    examples.add(member.question());
                }
            }
            var lastAsked = members.stream().map(DecisionRows.Gap::createdAt).max(Comparator.naturalOrder()).orElseThrow();
            return new KnowledgeGap(language, centre.question(), List.copyOf(examples), members.size(), lastAsked,
                    members.stream().map(DecisionRows.Gap::id).toList());
        }
    }
}
