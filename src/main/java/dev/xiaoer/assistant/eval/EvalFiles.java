package dev.xiaoer.assistant.eval;

import dev.xiaoer.nlu.IntentClassifier;
import dev.xiaoer.nlu.PairMatcher;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads evaluation sets: UTF-8 CSV, with or without a byte-order mark, fields quoted as needed, an
 * optional header row. Malformed input is refused with the file and line, never half read.
 */
final class EvalFiles {

    private static final Set<String> INTENT_HEADERS = Set.of("text", "sentence", "utterance", "query");
    private static final Set<String> PAIR_HEADERS = Set.of("sentence1", "text1", "question1", "query1");

    private EvalFiles() {
    }

    static List<IntentClassifier.Example> intents(Path file) {
        List<IntentClassifier.Example> examples = new ArrayList<>();
        for (CSVRecord row : rows(file)) {
            if (row.getRecordNumber() == 1 && INTENT_HEADERS.contains(row.get(0).trim().toLowerCase())) {
                continue;
            }
            if (row.size() < 2 || row.get(0).isBlank() || row.get(1).isBlank()) {
                throw new EvalInputException(file + " row " + row.getRecordNumber()
                        + ": expected text,label");
            }
            examples.add(new IntentClassifier.Example(row.get(0).strip(), row.get(1).strip()));
        }
        if (examples.isEmpty()) {
            throw new EvalInputException(file + ": no examples");
        }
        return examples;
    }

    static List<PairMatcher.Pair> pairs(Path file) {
        List<PairMatcher.Pair> pairs = new ArrayList<>();
        for (CSVRecord row : rows(file)) {
            if (row.getRecordNumber() == 1 && PAIR_HEADERS.contains(row.get(0).trim().toLowerCase())) {
                continue;
            }
            String label = row.size() < 3 ? "" : row.get(2).strip();
            if (!label.equals("0") && !label.equals("1")) {
                throw new EvalInputException(file + " row " + row.getRecordNumber()
                        + ": expected sentence1,sentence2,label with label 0 or 1");
            }
            pairs.add(new PairMatcher.Pair(row.get(0).strip(), row.get(1).strip(), label.equals("1")));
        }
        if (pairs.isEmpty()) {
            throw new EvalInputException(file + ": no pairs");
        }
        return pairs;
    }

    private static List<CSVRecord> rows(Path file) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get(), decoder);
             CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
            return parser.getRecords();
        } catch (NoSuchFileException e) {
            throw new EvalInputException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new EvalInputException(file + ": not UTF-8 text");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new EvalInputException(file + ": not UTF-8 text");
            }
            throw new EvalInputException(file + ": " + e.getCause().getMessage());
        } catch (IOException | IllegalStateException e) {
            throw new EvalInputException(file + ": " + e.getMessage());
        }
    }
}
