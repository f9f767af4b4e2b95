package dev.xiaoer.assistant;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.knowledge.Faq;
import dev.xiaoer.knowledge.FaqAction;
import dev.xiaoer.knowledge.FaqDraft;
import dev.xiaoer.knowledge.FaqEntries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small FAQ written for the tests: an agricultural-input shop's questions in Chinese and English.
 * The assistant's tests ask it in words none of these phrasings use.
 */
public final class ShopFaqs {

    private ShopFaqs() {
    }

    /** Adds the entries; answers them by their standard question. */
    public static Map<String, Faq> add(FaqEntries faqs, Actor editor) {
        Map<String, Faq> added = new LinkedHashMap<>();
        for (var draft : DRAFTS) {
            added.put(draft.question(), faqs.add(editor, draft));
        }
        return added;
    }

    /** One question, asked three ways, that none of the entries covers. */
    public static final List<String> CORN_SOWING = List.of("玉米什么时候播种最好？", "玉米几月份播种合适",
            "种玉米选在什么时候播种");

    public static final String FERTILIZER = "复合肥多久见效？";
    public static final String SPOILED = "收到的货坏了怎么拍照理赔？";
    public static final String PARCEL = "我的快递到哪了？";
    public static final String INVOICE = "可以开发票吗？";
    public static final String SEEDS = "种子发芽率低怎么办？";
    public static final String PESTICIDE = "农药和化肥能混着用吗？";
    public static final String RETURN = "怎么申请退货？";
    public static final String DELIVERY = "How long does delivery take?";
    public static final String REFUND = "When will I get my refund?";
    public static final String DAMAGED = "My order arrived damaged, what do I do?";
    public static final String CHANGE_ADDRESS = "Can I change my delivery address?";
    public static final String PAYMENT = "Which payment methods do you accept?";

    private static final List<FaqDraft> DRAFTS = List.of(
            zh(FERTILIZER, "复合肥施用后一般 7–15 天见效，干旱时请及时浇水。", "7–15 天见效",
                    "施肥后多长时间有效果", "化肥什么时候起作用", "肥料撒下去几天能看到效果"),
            zh(SPOILED, "请拍下外箱、面单和损坏部分的照片，在订单页点“申请售后”上传，我们 24 小时内处理。", null,
                    "水果烂了怎么办", "包裹破损如何申请赔偿", "东西坏了要拍哪些照片"),
            zh(PARCEL, "在订单详情页可以看到物流轨迹；下单后 48 小时内发货。", null,
                    "物流信息怎么查", "包裹什么时候能到", "查一下我的快递"),
            zh(INVOICE, "可以，在订单页填写抬头和税号即可开具电子发票。", null,
                    "能开增值税发票吗", "发票怎么开", "需要发票怎么办"),
            zh(SEEDS, "先检查土壤温度和湿度，种子批次有问题的可以凭照片补发。", null,
                    "种子不出苗是什么原因", "买的种子没发芽", "出苗率太低了"),
            zh(PESTICIDE, "大多数杀虫剂不宜与碱性肥料混用，请先看说明书或咨询农技员。", null,
                    "杀虫剂能和肥料一起打吗", "农药化肥可以一起用吗", "打药的时候能加化肥吗"),
            zh(RETURN, "签收 7 天内，在订单页点“申请退货”，商品未拆封可全额退款。", null,
                    "不想要了能退吗", "退货流程是什么", "七天无理由退货怎么操作"),
            en(DELIVERY, "Parcels to county towns arrive in 3–5 days; villages take a day or two more.",
                    "when will my parcel arrive", "how many days is shipping", "delivery time to my village"),
            en(REFUND, "Refunds reach your account 3–7 working days after we receive the return.",
                    "where is my money back", "refund not received yet", "how long do refunds take"),
            en(DAMAGED, "Take photos of the box, the label and the damage and open a claim on the order page.",
                    "the package was broken", "items came crushed", "received a spoiled product"),
            en(CHANGE_ADDRESS, "Until the parcel ships you can change the address on the order page.",
                    "I moved, update my shipping address", "wrong address on my order", "edit delivery address"),
            en(PAYMENT, "We accept cards, PayPal and bank transfer.",
                    "can I pay with paypal", "do you take credit cards", "how can I pay"));

    private static FaqDraft zh(String question, String answer, String expectation, String... phrasings) {
        return new FaqDraft("zh-CN", question, answer, expectation, List.of(phrasings), null, FaqAction.NONE);
    }

    private static FaqDraft en(String question, String answer, String... phrasings) {
        return new FaqDraft("en", question, answer, null, List.of(phrasings), null, FaqAction.NONE);
    }
}
