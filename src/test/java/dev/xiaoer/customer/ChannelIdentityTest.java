package dev.xiaoer.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChannelIdentityTest {

    @Test
    void theSamePersonIsRecognisedWhateverTheSpelling() {
        assertThat(ChannelIdentity.email(" Li.Lei@Example.CN")).isEqualTo(ChannelIdentity.email("li.lei@example.cn"));
        assertThat(ChannelIdentity.phone("+86 138-0013-8000")).isEqualTo(ChannelIdentity.phone("+8613800138000"));
        assertThat(new ChannelIdentity(IdentityType.WECHAT_OPENID, "oAbC")).isNotEqualTo(
                new ChannelIdentity(IdentityType.WECHAT_OPENID, "oabc"));
    }

    @Test
    void clientInputThatCannotIdentifyAnyoneIsRefusedAgainstItsField() {
        for (var bad : new String[] {"nobody", "@example.com", "someone@", "a b@example.com"}) {
            assertThatThrownBy(() -> ChannelIdentity.parse("identities[0].value", IdentityType.EMAIL, bad))
                    .isInstanceOfSatisfying(InvalidIdentity.class,
                            e -> assertThat(e.field()).isEqualTo("identities[0].value"));
        }
        assertThatThrownBy(() -> ChannelIdentity.parse("phone", IdentityType.PHONE, "call me"))
                .isInstanceOf(InvalidIdentity.class);
        assertThatThrownBy(() -> ChannelIdentity.parse("value", IdentityType.EXTERNAL, "x".repeat(255)))
                .isInstanceOf(InvalidIdentity.class);
        assertThat(ChannelIdentity.parse("value", IdentityType.CHAT_VISITOR, " v-123 ").value()).isEqualTo("v-123");
    }
}
