package dev.xiaoer.nlu;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import dev.xiaoer.nlu.internal.Vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A sentence embedding model run in process: LangChain4j's quantised bge-small models for English
 * and Chinese, read from their Maven artifacts. A text becomes one vector made of the model's CLS
 * vector and the mean of its token vectors, each normalised, so that a dot product is a cosine.
 * <p>
 * The ONNX session runs on one thread per call: on a small server several customers' messages are
 * embedded at once, and a session spreading each call over every core made all of them slower.
 * Safe for concurrent use.
 */
public final class SentenceEncoder implements AutoCloseable {

    /** The models known by name; each lives in its own Maven artifact. */
    public enum Model {
        BGE_SMALL_EN("bge-small-en-v1.5-q", 384),
        BGE_SMALL_ZH("bge-small-zh-v1.5-q", 512);

        final String resource;
        final int hiddenSize;

        Model(String resource, int hiddenSize) {
            this.resource = resource;
            this.hiddenSize = hiddenSize;
        }

        /** The model's name as its authors publish it. */
        public String displayName() {
            return resource;
        }
    }

    /** Queries longer than this many tokens are cut: what a customer asks is in its first lines. */
    private static final int MAX_TOKENS = 128;

    private final Model model;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean wantsTokenTypes;

    private SentenceEncoder(Model model) {
        this.model = model;
        try {
            environment = OrtEnvironment.getEnvironment();
            try (var options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                session = environment.createSession(read(model.resource + ".onnx"), options);
            }
            try (InputStream json = resource(model.resource + "-tokenizer.json")) {
                tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of(
                        "padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
            }
            wantsTokenTypes = session.getInputNames().contains("token_type_ids");
        } catch (OrtException e) {
            throw new IllegalStateException("Could not load the model " + model.resource, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a model: about a second, and 100 to 200 MB outside the Java heap. */
    public static SentenceEncoder load(Model model) {
        return new SentenceEncoder(model);
    }

    public Model model() {
        return model;
    }

    /** The length of the vectors {@link #encode} returns. */
    public int dimensions() {
        return 2 * model.hiddenSize;
    }

    /** The text as a unit vector (CLS and mean pooling, concatenated). Blank text gives zeros. */
    public float[] encode(String text) {
        float[] vector = new float[dimensions()];
        if (text == null || text.isBlank()) {
            return vector;
        }
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        try {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            try {
                inputs.put("input_ids", OnnxTensor.createTensor(environment, new long[][]{ids}));
                inputs.put("attention_mask", OnnxTensor.createTensor(environment, new long[][]{mask}));
                if (wantsTokenTypes) {
                    inputs.put("token_type_ids", OnnxTensor.createTensor(environment, new long[][]{new long[ids.length]}));
                }
                try (OrtSession.Result result = session.run(inputs)) {
                    float[][] tokens = ((float[][][]) result.get(0).getValue())[0];
                    pool(tokens, vector);
                }
            } finally {
                inputs.values().forEach(OnnxTensor::close);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("The model " + model.resource + " failed on a text", e);
        }
        return vector;
    }

    /** The cosine similarity of two vectors this class made (unit length, so their dot product). */
    public static float cosine(float[] a, float[] b) {
        return Vectors.dot(a, b);
    }

    private void pool(float[][] tokens, float[] vector) {
        int hidden = model.hiddenSize;
        System.arraycopy(tokens[0], 0, vector, 0, hidden);
        for (float[] token : tokens) {
            for (int i = 0; i < hidden; i++) {
                vector[hidden + i] += token[i];
            }
        }
        Vectors.normalise(vector, 0, hidden);
        Vectors.normalise(vector, hidden, hidden);
        Vectors.normalise(vector, 0, vector.length);
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The model file " + name + " is not on the class path");
        }
        return in;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        tokenizer.close();
    }
}
