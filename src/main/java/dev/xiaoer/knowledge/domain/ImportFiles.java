package dev.xiaoer.knowledge.domain;

import dev.xiaoer.kernel.InvalidInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the files editors import: CSV with a header row, or Markdown articles with a front matter
 * (one {@code .md} file, or a {@code .zip} of them). Text is UTF-8, with or without a byte-order mark,
 * or else GB18030, which is what a spreadsheet on a Chinese Windows saves as "CSV". A file that cannot
 * be read as a whole is refused at once, naming the problem; rows are checked one by one later.
 */
public final class ImportFiles {

    public static final int MAX_ROWS = 5_000;
    static final long MAX_UNZIPPED_BYTES = 50L * 1024 * 1024;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private ImportFiles() {
    }

    /**
     * One row of an import.
     *
     * @param number the row as a spreadsheet numbers it (the header is row 1), or the file's place in a zip
     * @param source the file the row came from, for a zip of Markdown files; otherwise {@code null}
     * @param values by column name, every known column present, blank when not given
     */
    public record Row(int number, String source, Map<String, String> values) {

        public String value(String column) {
            return values.getOrDefault(column, "").strip();
        }
    }

    /** The rows of a file, with the columns it had, in its order. */
    public record Table(List<String> columns, List<Row> rows) {
    }

    /**
     * The rows of a CSV file whose header names its columns (in any order and case; unknown ones are
     * refused, blank ones ignored).
     *
     * @throws InvalidInput {@code file} when the file is empty, not text, not CSV, lacks a required
     *                      column, names an unknown one or has more than {@link #MAX_ROWS} rows
     */
    public static Table csv(byte[] content, List<String> known, Set<String> required) {
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get()
                .parse(new StringReader(text(content)))) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInput("file", "import-not-csv");
        }
        if (records.isEmpty()) {
            throw new InvalidInput("file", "import-empty");
        }
        var header = records.getFirst();
        var columns = new ArrayList<String>();
        for (var name : header) {
            var column = name.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (!column.isEmpty() && !known.contains(column)) {
                throw new InvalidInput("file", "import-unknown-column", name.strip(), String.join(", ", known));
            }
            if (!column.isEmpty() && columns.contains(column)) {
                throw new InvalidInput("file", "import-repeated-column", name.strip());
            }
            columns.add(column);
        }
        for (var column : required) {
            if (!columns.contains(column)) {
                throw new InvalidInput("file", "import-missing-column", column);
            }
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new InvalidInput("file", "import-too-many-rows", MAX_ROWS);
        }
        var rows = new ArrayList<Row>(records.size() - 1);
        for (var record : records.subList(1, records.size())) {
            var values = new LinkedHashMap<String, String>();
            known.forEach(column -> values.put(column, ""));
            for (var i = 0; i < Math.min(record.size(), columns.size()); i++) {
                if (!columns.get(i).isEmpty()) {
                    values.put(columns.get(i), record.get(i));
                }
            }
            rows.add(new Row((int) record.getRecordNumber(), null, values));
        }
        return new Table(columns.stream().filter(c -> !c.isEmpty()).toList(), rows);
    }

    /**
     * Articles written in Markdown: a {@code .md} file, or a {@code .zip} of them (other files in the zip
     * are passed over). Each starts with a front matter between {@code ---} lines of {@code key: value}
     * (keys from {@code known}); the rest is the body.
     *
     * @throws InvalidInput {@code file} when the file is no such thing, a front matter names an unknown
     *                      key, or a zip holds no article, too many or too much
     */
    public static Table markdown(String fileName, byte[] content, List<String> known) {
        var name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        var rows = new ArrayList<Row>();
        if (name.endsWith(".zip")) {
            if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
                throw new InvalidInput("file", "import-not-zip");
            }
            var number = 0;
            long unzipped = 0;
            try (var zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
                for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    var entryName = entry.getName();
                    if (entry.isDirectory() || !entryName.toLowerCase(Locale.ROOT).endsWith(".md")
                            || entryName.contains("__MACOSX/")) {
                        continue;
                    }
                    var bytes = readAtMost(zip, MAX_UNZIPPED_BYTES - unzipped);
                    unzipped += bytes.length;
                    if (++number > MAX_ROWS) {
                        throw new InvalidInput("file", "import-too-many-rows", MAX_ROWS);
                    }
                    var simpleName = entryName.substring(entryName.lastIndexOf('/') + 1);
                    rows.add(new Row(number, simpleName, frontMatter(simpleName, text(bytes), known)));
                }
            } catch (ZipException | IllegalArgumentException e) {
                throw new InvalidInput("file", "import-not-zip");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (rows.isEmpty()) {
                throw new InvalidInput("file", "import-empty");
            }
        } else if (name.endsWith(".md") || name.endsWith(".markdown")) {
            rows.add(new Row(1, fileName, frontMatter(fileName, text(content), known)));
        } else {
            throw new InvalidInput("file", "import-kind-unknown");
        }
        return new Table(known, rows);
    }

    /**
     * The file's text.
     *
     * @throws InvalidInput {@code file} when it is neither UTF-8 nor GB18030 text
     */
    static String text(byte[] content) {
        var start = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
                && (content[2] & 0xff) == 0xbf ? 3 : 0;
        var bytes = ByteBuffer.wrap(content, start, content.length - start);
        String text;
        try {
            text = decode(StandardCharsets.UTF_8, bytes.duplicate());
        } catch (CharacterCodingException notUtf8) {
            try {
                text = decode(GB18030, bytes.duplicate());
            } catch (CharacterCodingException notGb) {
                throw new InvalidInput("file", "import-not-text");
            }
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvalidInput("file", "import-not-text");
        }
        return text;
    }

    private static String decode(Charset charset, ByteBuffer bytes) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
    }

    // A front matter is read as plain "key: value" lines, not as YAML: YAML would turn "language: no"
    // (Norwegian) into false and a title like "2025-03-01" into a date.
    private static Map<String, String> frontMatter(String fileName, String text, List<String> known) {
        var values = new LinkedHashMap<String, String>();
        known.forEach(column -> values.put(column, ""));
        var lines = text.lines().toList();
        var bodyStart = 0;
        if (!lines.isEmpty() && lines.getFirst().strip().equals("---")) {
            var end = -1;
            for (var i = 1; i < lines.size(); i++) {
                if (lines.get(i).strip().equals("---")) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                throw new InvalidInput("file", "import-front-matter-unclosed", fileName);
            }
            for (var line : lines.subList(1, end)) {
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                var colon = line.indexOf(':');
                var key = colon < 0 ? line.strip() : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                if (colon < 0 || !known.contains(key) || key.equals("body")) {
                    throw new InvalidInput("file", "import-front-matter-key", fileName, key, String.join(", ",
                            known.stream().filter(k -> !k.equals("body")).toList()));
                }
                values.put(key, unquote(line.substring(colon + 1).strip()));
            }
            bodyStart = end + 1;
        }
        values.put("body", String.join("\n", lines.subList(bodyStart, lines.size())).strip());
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[") && value.endsWith("]")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static byte[] readAtMost(ZipInputStream zip, long limit) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        for (int n; (n = zip.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > limit) {
                throw new InvalidInput("file", "import-too-large", MAX_UNZIPPED_BYTES / (1024 * 1024));
            }
        }
        return out.toByteArray();
    }

    /**
     * Values separated by commas (Latin or Chinese) or the Chinese enumeration comma, stripped, without
     * blanks or repeats: how tags are written in a cell.
     */
    public static List<String> list(String cell) {
        var kept = new LinkedHashSet<String>();
        for (var part : cell.split("[,，、]")) {
            if (!part.isBlank()) {
                kept.add(part.strip());
            }
        }
        return List.copyOf(kept);
    }
}
