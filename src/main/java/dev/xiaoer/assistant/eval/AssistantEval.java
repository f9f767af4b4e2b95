package dev.xiaoer.assistant.eval;

import dev.xiaoer.nlu.IntentClassifier;
import dev.xiaoer.nlu.Languages;
import dev.xiaoer.nlu.PairMatcher;
import dev.xiaoer.nlu.SentenceEncoder;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code xiaoer assistant eval}: how well the assistant's understanding does on an operator's own
 * labelled data, with the same models and training the running assistant uses. Trains on the
 * training file only (every threshold is chosen on part of it), then scores the test file once.
 *
 * <pre>
 * xiaoer assistant eval --train train.csv --test test.csv          intents: text,label (label oos = out of scope)
 * xiaoer assistant eval --pairs --train dev.csv --test test.csv    pairs: sentence1,sentence2,label (1 = same question)
 * </pre>
 */
public final class AssistantEval {

    static final String USAGE = """
            usage: xiaoer assistant eval [--pairs] --train FILE --test FILE [--language zh|en]
              intents (default): CSV rows text,label; the label oos marks out-of-scope texts
              --pairs: CSV rows sentence1,sentence2,label with label 1 for the same question, 0 otherwise
              --language: which sentence model to use; by default the language most training texts are in
            """;

    private final PrintStream out;

    AssistantEval(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        // Before the first logger: the libraries' start-up chatter would bury the figures.
        System.setProperty("logback.configurationFile", "xiaoer-cli-logback.xml");
        int status = new AssistantEval(System.out).run(args, System.err);
        System.exit(status);
    }

    /** Runs the command; answers the process exit status (0 done, 2 bad usage or input). */
    int run(String[] args, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("xiaoer assistant eval: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            if (options.pairs()) {
                evaluatePairs(options);
            } else {
                evaluateIntents(options);
            }
            return 0;
        } catch (EvalInputException e) {
            err.println("xiaoer assistant eval: " + e.getMessage());
            return 2;
        }
    }

    private void evaluateIntents(Options options) {
        List<IntentClassifier.Example> train = EvalFiles.intents(options.train());
        List<IntentClassifier.Example> test = EvalFiles.intents(options.test());
        SentenceEncoder.Model model = chooseModel(options, train.stream().map(IntentClassifier.Example::text).toList());
        out.printf(Locale.ROOT, "Intents: training %s (%,d examples), test %s (%,d examples)%n",
                options.train(), train.size(), options.test(), test.size());
        try (SentenceEncoder encoder = SentenceEncoder.load(model)) {
            IntentClassifier classifier = IntentClassifier.train(train, encoder);
            IntentClassifier.Summary summary = classifier.summary();
            List<String> truth = new ArrayList<>();
            List<String> predicted = new ArrayList<>();
            List<Double> confidence = new ArrayList<>();
            long[] nanos = new long[test.size()];
            for (int i = 0; i < test.size(); i++) {
                long started = System.nanoTime();
                IntentClassifier.Prediction prediction = classifier.classify(test.get(i).text());
                nanos[i] = System.nanoTime() - started;
                truth.add(test.get(i).label());
                predicted.add(prediction.label());
                confidence.add(prediction.confidence());
            }
            Scores scores = Scores.of(truth, predicted, IntentClassifier.OUT_OF_SCOPE);
            out.printf(Locale.ROOT, "  accuracy                 %.2f %%%n", 100 * scores.accuracy());
            out.printf(Locale.ROOT, "  macro-F1                 %.2f %%%n", 100 * scores.macroF1());
            if (scores.hasOutOfScope()) {
                out.printf(Locale.ROOT, "  out-of-scope precision   %.2f %%%n", 100 * scores.outOfScopePrecision());
                out.printf(Locale.ROOT, "  out-of-scope recall      %.2f %%%n", 100 * scores.outOfScopeRecall());
            } else {
                out.println("  out-of-scope             none labelled oos in the sets");
            }
            out.printf(Locale.ROOT, "  calibration error (ECE)  %.3f%n", Scores.expectedCalibrationError(truth, predicted, confidence));
            printLatency(nanos);
            out.printf(Locale.ROOT, "  training time            %.1f s%n", summary.trainingTime().toMillis() / 1000.0);
            out.printf(Locale.ROOT, "  model                    %s, CLS and mean pooling (%d dims), %d intents%n",
                    summary.model(), encoder.dimensions(), summary.intents());
            out.printf(Locale.ROOT, "  heads and fusion         %.2f softmax on embeddings + %.2f k-NN (k=40) + %.2f TF-IDF softmax (%,d features)%n",
                    summary.denseWeight(), summary.neighbourWeight(), summary.lexicalWeight(), summary.lexicalFeatures());
            out.printf(Locale.ROOT, "  training                 Adam, %d epochs, L2 %.1e; temperature %.2f; out-of-scope threshold %.2f%n",
                    summary.epochs(), summary.l2(), summary.temperature(), summary.outOfScopeThreshold());
            out.printf(Locale.ROOT, "  chosen on                %s%n", summary.validation());
            if (!Double.isNaN(summary.heldOutAccuracy())) {
                out.printf(Locale.ROOT, "  held-out accuracy        %.2f %% (the training examples that chose the settings, each scored by a model trained without it)%n",
                        100 * summary.heldOutAccuracy());
            }
            printMachine();
        }
    }

    private void evaluatePairs(Options options) {
        List<PairMatcher.Pair> train = EvalFiles.pairs(options.train());
        List<PairMatcher.Pair> test = EvalFiles.pairs(options.test());
        SentenceEncoder.Model model = chooseModel(options, train.stream().map(PairMatcher.Pair::first).toList());
        out.printf(Locale.ROOT, "Question pairs: training %s (%,d pairs), test %s (%,d pairs)%n",
                options.train(), train.size(), options.test(), test.size());
        try (SentenceEncoder encoder = SentenceEncoder.load(model)) {
            PairMatcher matcher = PairMatcher.train(train, encoder);
            PairMatcher.Summary summary = matcher.summary();
            List<String> truth = new ArrayList<>();
            List<String> predicted = new ArrayList<>();
            long[] nanos = new long[test.size()];
            for (int i = 0; i < test.size(); i++) {
                PairMatcher.Pair pair = test.get(i);
                long started = System.nanoTime();
                boolean same = matcher.same(pair.first(), pair.second());
                nanos[i] = System.nanoTime() - started;
                truth.add(pair.same() ? "1" : "0");
                predicted.add(same ? "1" : "0");
            }
            Scores scores = Scores.of(truth, predicted, null);
            out.printf(Locale.ROOT, "  accuracy                 %.2f %%%n", 100 * scores.accuracy());
            out.printf(Locale.ROOT, "  macro-F1                 %.2f %%%n", 100 * scores.macroF1());
            out.printf(Locale.ROOT, "  precision / recall of 1  %.2f %% / %.2f %%%n",
                    100 * scores.precisionOf("1"), 100 * scores.recallOf("1"));
            printLatency(nanos);
            out.printf(Locale.ROOT, "  training time            %.1f s%n", summary.trainingTime().toMillis() / 1000.0);
            out.printf(Locale.ROOT, "  model                    %s, CLS and mean pooling (%d dims)%n", summary.model(), encoder.dimensions());
            out.printf(Locale.ROOT, "  matcher                  logistic regression on %,d pair features, %d epochs, L2 %.1e, threshold %.2f%n",
                    summary.features(), summary.epochs(), summary.l2(), summary.threshold());
            out.printf(Locale.ROOT, "  chosen on                %s%n", summary.validation());
            printMachine();
        }
    }

    private SentenceEncoder.Model chooseModel(Options options, List<String> texts) {
        String language = options.language();
        if (language == null) {
            Map<String, Integer> counts = new HashMap<>();
            texts.stream().limit(500).map(Languages::detect).forEach(code -> counts.merge(code, 1, Integer::sum));
            language = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("en");
        }
        return "zh".equals(language) ? SentenceEncoder.Model.BGE_SMALL_ZH : SentenceEncoder.Model.BGE_SMALL_EN;
    }

    private void printLatency(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        out.printf(Locale.ROOT, "  latency per query        p50 %.2f ms, p99 %.2f ms (one thread, embedding included)%n",
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private void printMachine() {
        out.printf(Locale.ROOT, "  machine                  %d cores, Java %s, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    record Options(boolean pairs, Path train, Path test, String language) {

        static Options parse(String[] args) {
            List<String> rest = new ArrayList<>(List.of(args));
            if (!rest.isEmpty() && rest.getFirst().equals("assistant")) {
                rest.removeFirst();
            }
            if (!rest.isEmpty() && rest.getFirst().equals("eval")) {
                rest.removeFirst();
            }
            boolean pairs = false;
            Path train = null;
            Path test = null;
            String language = null;
            for (int i = 0; i < rest.size(); i++) {
                String argument = rest.get(i);
                Function<String, String> value = name -> {
                    throw new IllegalArgumentException(name + " needs a value");
                };
                switch (argument) {
                    case "--pairs" -> pairs = true;
                    case "--train" -> train = Path.of(i + 1 < rest.size() ? rest.get(++i) : value.apply("--train"));
                    case "--test" -> test = Path.of(i + 1 < rest.size() ? rest.get(++i) : value.apply("--test"));
                    case "--language" -> language = i + 1 < rest.size() ? rest.get(++i) : value.apply("--language");
                    default -> throw new IllegalArgumentException("unknown argument " + argument);
                }
            }
            if (train == null || test == null) {
                throw new IllegalArgumentException("both --train and --test are needed");
            }
            if (language != null && !language.equals("zh") && !language.equals("en")) {
                throw new IllegalArgumentException("--language is zh or en");
            }
            return new Options(pairs, train, test, language);
        }
    }
}
