package qantar.search;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * all-MiniLM-L6-v2 (quantized), the model and tokenizer langchain4j ships, run on onnxruntime
 * directly; its vectors are langchain4j's (the mean of the token vectors, scaled to length 1), bit
 * for bit. Two things make it about twice as fast on a shared machine: each text's ONNX run uses
 * one thread, so the texts embedded in parallel, one per core, do not fight over the cores with
 * spinning ONNX threads of their own; and a text is tokenized once, not three times.
 *
 * <p>Texts are not batched into one ONNX run: the model quantizes each layer's input with one scale
 * per run (DynamicQuantizeLinear), so the texts of a batch change each other's vectors (cosine down
 * to 0.987 against the same text alone), and were no faster. Its tokenizer truncates at 128 tokens,
 * so langchain4j's splitting of texts over 510 tokens never happens and is not repeated here.
 */
final class MiniLm implements EmbeddingModel {
    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final boolean tokenTypes;
    private final HuggingFaceTokenizer tokenizer;
    private final Executor pool;

    MiniLm(Executor pool) {
        this.pool = pool;
        try {
            env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                    InputStream model = resource(MODEL)) {
                options.setIntraOpNumThreads(1);
                session = env.createSession(model.readAllBytes(), options);
            }
            tokenTypes = session.getInputNames().contains("token_type_ids");
            try (InputStream in = resource(TOKENIZER)) {
                // opened as langchain4j opens it: its padding to 128 tokens off
                tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
            }
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLm.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path");
        }
        return in;
    }

    /** One text alone in the calling thread, more in parallel on the pool; in the order given. */
    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        if (segments.size() == 1) {
            return Response.from(List.of(Embedding.from(vector(segments.get(0).text()))));
        }
        List<CompletableFuture<float[]>> futures = segments.stream()
                .map(s -> CompletableFuture.supplyAsync(() -> vector(s.text()), pool))
                .toList();
        return Response.from(futures.stream().map(f -> Embedding.from(f.join())).toList());
    }

    @Override
    public int dimension() {
        return 384;
    }

    private float[] vector(String text) {
        long[] ids = tokenizer.encode(text, true, false).getIds();
        if (ids.length <= 2) {
            throw new IllegalArgumentException("cannot embed an empty or blank text");
        }
        long[] shape = {1, ids.length};
        long[] mask = new long[ids.length];
        java.util.Arrays.fill(mask, 1L);
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor typesTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape)) {
            Map<String, OnnxTensor> inputs = tokenTypes
                    ? Map.of("input_ids", idsTensor, "attention_mask", maskTensor, "token_type_ids", typesTensor)
                    : Map.of("input_ids", idsTensor, "attention_mask", maskTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                return meanNormalised(((OnnxTensor) result.get(0)).getFloatBuffer(), ids.length);
            }
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mean of the token vectors, scaled to length 1, summed in langchain4j's order. */
    private static float[] meanNormalised(FloatBuffer hidden, int tokens) {
        int dim = hidden.capacity() / tokens;
        float[] v = new float[dim];
        for (int t = 0; t < tokens; t++) {
            for (int j = 0; j < dim; j++) {
                v[j] += hidden.get(t * dim + j);
            }
        }
        float sum = 0;
        for (int j = 0; j < dim; j++) {
            v[j] /= tokens;
            sum += v[j] * v[j];
        }
        float norm = (float) Math.sqrt(sum);
        for (int j = 0; j < dim; j++) {
            v[j] /= norm;
        }
        return v;
    }
}
