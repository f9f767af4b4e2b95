package dev.xiaoer.customer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The channels through which Xiaoer recognises a customer. */
public enum IdentityType {
    EMAIL, PHONE, WECHAT_OPENID, CHAT_VISITOR, EXTERNAL;

    /** The lower-case name clients use, e.g. {@code wechat_openid}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IdentityType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.name().equalsIgnoreCase(code)).findFirst();
    }
}
