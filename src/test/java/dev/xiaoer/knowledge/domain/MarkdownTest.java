package dev.xiaoer.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void formattingListsLinksImagesAndTablesAreRendered() {
        var html = Markdown.html("""
                ## 到货时间

                **3–5 days** in the county, see [tracking](https://shop.example.com/track).

                - photo of the box
                - photo of the label

                ![damaged peaches](https://img.example.com/p.jpg)

                | region | days |
                |---|---|
                | 县城 | 3 |
                """);

        assertThat(html).contains("<h2>到货时间</h2>", "<strong>3–5 days</strong>",
                "<a href=\"https://shop.example.com/track\" rel=\"nofollow noopener\">tracking</a>", "<li>photo of the box</li>",
                "<img src=\"https://img.example.com/p.jpg\" alt=\"damaged peaches\" />", "<td>县城</td>");
    }

    @Test
    void scriptsEventHandlersAndJavascriptLinksNeverReachThePage() {
        var html = Markdown.html("""
                <script>alert(1)</script>

                <img src=x onerror=alert(2)>

                [click](javascript:void(0)) and <a href="javascript:alert(4)">raw</a>
                """);

        assertThat(html).doesNotContain("<script", "<img", "href=", "<a");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "click");
    }

    @Test
    void theTextForSearchHasTheWordsWithoutTheMarks() {
        assertThat(Markdown.text("# Refunds\n\n**Photos** of the `box` and [label](https://x.example).\n\n- one\n- two"))
                .isEqualTo("Refunds\nPhotos of the box and label.\none\ntwo");
    }
}
