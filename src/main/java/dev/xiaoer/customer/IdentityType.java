package dev.xiaoer.customer;

/** The channels through which Xiaoer recognises a customer. */
public enum IdentityType {
    EMAIL, PHONE, WECHAT_OPENID, CHAT_VISITOR, EXTERNAL
}
