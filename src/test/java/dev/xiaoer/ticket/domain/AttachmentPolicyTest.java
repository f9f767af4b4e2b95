package dev.xiaoer.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xiaoer.ticket.AttachmentTooLarge;
import dev.xiaoer.ticket.AttachmentTypeNotAllowed;
import org.junit.jupiter.api.Test;

class AttachmentPolicyTest {

    @Test
    void acceptsAllowedTypesUpToTheLimit() {
        AttachmentPolicy.check("image/jpeg", 100, 100);
        AttachmentPolicy.check("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 1, 100);
    }

    @Test
    void refusesOtherTypesAndOversizeFiles() {
        assertThatThrownBy(() -> AttachmentPolicy.check("application/x-msdownload", 1, 100))
                .isInstanceOf(AttachmentTypeNotAllowed.class);
        assertThatThrownBy(() -> AttachmentPolicy.check("text/html", 1, 100)).isInstanceOf(AttachmentTypeNotAllowed.class);
        assertThatThrownBy(() -> AttachmentPolicy.check("image/png", 101, 100)).isInstanceOf(AttachmentTooLarge.class);
    }

    @Test
    void keepsOnlyTheLastSegmentOfAnUploadedName() {
        assertThat(AttachmentPolicy.fileName("C:\\Users\\wang\\照片.jpg")).isEqualTo("照片.jpg");
        assertThat(AttachmentPolicy.fileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentPolicy.fileName("a\u0000b\n.png")).isEqualTo("ab.png");
        assertThat(AttachmentPolicy.fileName("..")).isEqualTo("attachment");
        assertThat(AttachmentPolicy.fileName(null)).isEqualTo("attachment");
    }
}
