package dev.xiaoer.ticket.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

    final ContentTypes types = new ContentTypes();

    @Test
    void theBytesDecideNotTheName() {
        assertThat(types.detect(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, "photo.jpg"))
                .isEqualTo("application/x-msdownload");
        assertThat(types.detect(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, "photo.png")).isEqualTo("application/x-elf");
        assertThat(types.detect("#!/bin/sh\nrm -rf /\n".getBytes(), "readme.txt")).isEqualTo("application/x-sh");
        assertThat(types.detect("%PDF-1.7\n".getBytes(), "scan")).isEqualTo("application/pdf");
    }

    @Test
    void theNameRefinesWhatTheBytesAllow() {
        assertThat(types.detect(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, "report.docx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(types.detect("order,qty\n1,2\n".getBytes(), "orders.csv")).isEqualTo("text/csv");
    }
}
