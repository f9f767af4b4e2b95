package dev.xiaoer.knowledge.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** How Xiaoer writes CSV for people: UTF-8 with a byte-order mark, so that spreadsheets open Chinese text as such. */
public final class CsvFiles {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private CsvFiles() {
    }

    /** A printer that has written the header; closing it closes {@code out}. */
    public static CSVPrinter printer(OutputStream out, String... header) throws IOException {
        out.write(BYTE_ORDER_MARK);
        return CSVFormat.RFC4180.builder().setHeader(header).get()
                .print(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }
}
