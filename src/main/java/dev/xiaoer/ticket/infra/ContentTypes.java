package dev.xiaoer.ticket.infra;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Detects a file's type from its bytes with Apache Tika. The file name only refines what the bytes
 * already say (a ZIP container named {@code .docx} is a Word document); it never overrides them,
 * so an executable named {@code photo.jpg} is still an executable.
 */
@Component
public class ContentTypes {

    private final Tika tika = new Tika();

    public String detect(byte[] content, String fileName) {
        return tika.detect(content, fileName);
    }
}
