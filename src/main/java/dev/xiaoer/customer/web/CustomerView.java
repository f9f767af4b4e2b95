package dev.xiaoer.customer.web;

import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.Customer;
import dev.xiaoer.customer.CustomerMergeRecord;
import dev.xiaoer.customer.IdentityType;
import dev.xiaoer.identity.Actor;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Customer")
record CustomerView(
        @Schema(example = "3b241101-e2bb-4255-8caf-4136c566a962") UUID id,
        @Schema(example = "王芳") String name,
        @Schema(example = "wang.fang@example.cn") String email,
        @Schema(example = "+8613800138000") String phone,
        @Schema(example = "zh-CN") String language,
        @Schema(example = "vip") String tier,
        @Schema(example = "[\"fruit\", \"repeat-buyer\"]") List<String> tags,
        String notes,
        List<IdentityView> identities,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Customers merged into this one, oldest first; only on GET of one customer")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<MergeView> mergedFrom) {

    @Schema(name = "CustomerMerge")
    record MergeView(@Schema(description = "The customer that was merged away") UUID customer,
                     @Schema(example = "api_token", allowableValues = {"user", "api_token", "system"})
                     Actor.Type mergedByType,
                     @Schema(example = "Shop integration") String mergedByName,
                     Instant mergedAt) {

        static MergeView from(CustomerMergeRecord merge) {
            return new MergeView(merge.source().value(), merge.mergedByType(), merge.mergedByName(), merge.mergedAt());
        }
    }

    @Schema(name = "CustomerIdentity")
    record IdentityView(
            @Schema(example = "email",
                    allowableValues = {"email", "phone", "wechat_openid", "chat_visitor", "external"})
            IdentityType type,
            @Schema(example = "wang.fang@example.cn") String value) {

        static IdentityView from(ChannelIdentity identity) {
            return new IdentityView(identity.type(), identity.value());
        }
    }

    static CustomerView from(Customer customer) {
        return from(customer, null);
    }

    static CustomerView from(Customer customer, List<CustomerMergeRecord> merges) {
        return new CustomerView(customer.id().value(), customer.name(), customer.email(), customer.phone(),
                customer.language(), customer.tier(), customer.tags().stream().sorted().toList(), customer.notes(),
                customer.identities().stream().map(IdentityView::from).toList(), customer.createdAt(),
                customer.updatedAt(), merges == null ? null : merges.stream().map(MergeView::from).toList());
    }
}
