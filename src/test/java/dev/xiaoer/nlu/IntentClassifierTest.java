package dev.xiaoer.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.nlu.internal.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IntentClassifierTest {

    private static final int INTENTS = 1_000;
    private static final int DIMENSIONS = 256;

    /**
     * A thousand intents of two phrasings each is too many to train softmax heads on; the classifier
     * then looks for the neighbours among the intents with the nearest centroids. The texts here are
     * "intent I, wording W", embedded near a direction of their own per intent, so that what is tested
     * is the classifier, not a language model.
     */
    @Test
    void withAThousandIntentsTheNearestCentroidsStillLeadToTheIntentOfANewWording() {
        var topics = new float[INTENTS][];
        var random = new Random(7);
        for (var i = 0; i < INTENTS; i++) {
            topics[i] = unit(gaussian(random));
        }
        Function<String, float[]> encoder = text -> {
            var parts = text.split(",");
            var topic = topics[Integer.parseInt(parts[0].substring("intent ".length()))];
            var noise = gaussian(new Random(text.hashCode()));
            var vector = new float[DIMENSIONS];
            for (var d = 0; d < DIMENSIONS; d++) {
                vector[d] = topic[d] + 0.05f * noise[d];
            }
            return unit(vector);
        };
        List<IntentClassifier.Example> examples = new ArrayList<>();
        for (var i = 0; i < INTENTS; i++) {
            examples.add(new IntentClassifier.Example("intent " + i + ", wording 1", "label-" + i));
            examples.add(new IntentClassifier.Example("intent " + i + ", wording 2", "label-" + i));
        }

        var classifier = IntentClassifier.train(examples, encoder, "directions");

        assertThat(classifier.summary().denseWeight()).isZero();
        assertThat(classifier.summary().lexicalWeight()).isZero();
        assertThat(classifier.summary().heldOutAccuracy()).isGreaterThan(0.95);
        for (var i = 0; i < INTENTS; i += 7) {
            var prediction = classifier.classify("intent " + i + ", wording 3");
            assertThat(prediction.ranked().getFirst().label()).isEqualTo("label-" + i);
        }
    }

    private static float[] gaussian(Random random) {
        var vector = new float[DIMENSIONS];
        for (var d = 0; d < DIMENSIONS; d++) {
            vector[d] = (float) random.nextGaussian();
        }
        return vector;
    }

    private static float[] unit(float[] vector) {
        Vectors.normalise(vector, 0, vector.length);
        return vector;
    }
}
