package dev.xiaoer.customer.web;

import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.CustomerChanges;
import dev.xiaoer.customer.IdentityType;
import dev.xiaoer.customer.NewCustomer;
import dev.xiaoer.customer.domain.CustomerProfile;
import dev.xiaoer.customer.domain.Tags;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Request bodies of the customer API, with their limits. */
final class CustomerRequests {

    static final String LANGUAGE = "^$|^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$";
    static final String PHONE = "^[+0-9 ()\\-.]*$";
    static final String NOT_BLANK = "(?s).*\\S.*";
    static final int MAX_IDENTITIES = 20;

    private CustomerRequests() {
    }

    @Schema(description = "A way the customer is recognised on a channel")
    record IdentityRequest(
            @NotNull
            @Schema(example = "wechat_openid", requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"email", "phone", "wechat_openid", "chat_visitor", "external"})
            IdentityType type,
            @NotBlank @Size(max = ChannelIdentity.MAX_LENGTH)
            @Schema(example = "oX8Fk5Wc2pQ0m9Yl3bZrT7uVnE4s", requiredMode = Schema.RequiredMode.REQUIRED)
            String value) {

        ChannelIdentity toIdentity(String field) {
            return ChannelIdentity.parse(field, type, value);
        }
    }

    @Schema(description = "A new customer. Its email and phone also become identities.")
    record CreateCustomer(
            @NotBlank @Size(max = CustomerProfile.NAME_MAX)
            @Schema(example = "王芳", requiredMode = Schema.RequiredMode.REQUIRED)
            String name,
            @Email @Size(max = CustomerProfile.EMAIL_MAX) @Schema(example = "wang.fang@example.cn")
            String email,
            @Size(max = CustomerProfile.PHONE_MAX) @Pattern(regexp = PHONE) @Schema(example = "+86 138 0013 8000")
            String phone,
            @Size(max = CustomerProfile.LANGUAGE_MAX) @Pattern(regexp = LANGUAGE) @Schema(example = "zh-CN")
            String language,
            @Size(max = CustomerProfile.TIER_MAX) @Schema(example = "vip")
            String tier,
            @Size(max = Tags.COUNT_MAX) @Schema(example = "[\"fruit\", \"repeat-buyer\"]")
            List<@NotBlank @Size(max = Tags.TAG_MAX) String> tags,
            @Size(max = CustomerProfile.NOTES_MAX) @Schema(example = "Prefers delivery after 18:00.")
            String notes,
            @Size(max = MAX_IDENTITIES)
            List<@NotNull @Valid IdentityRequest> identities) {

        NewCustomer toCommand() {
            var parsed = new ArrayList<ChannelIdentity>();
            if (identities != null) {
                for (int i = 0; i < identities.size(); i++) {
                    parsed.add(identities.get(i).toIdentity("identities[" + i + "].value"));
                }
            }
            return new NewCustomer(name, email, phone, language, tier,
                    tags == null ? null : new LinkedHashSet<>(tags), notes, parsed);
        }
    }

    @Schema(description = "A partial update: a field left out or null keeps its value; an empty string clears an"
            + " optional field; tags, when given, replace all tags.")
    record UpdateCustomer(
            @Size(max = CustomerProfile.NAME_MAX) @Pattern(regexp = NOT_BLANK) @Schema(example = "王芳 (Fang Wang)")
            String name,
            @Email @Size(max = CustomerProfile.EMAIL_MAX) @Schema(example = "fang.wang@example.com")
            String email,
            @Size(max = CustomerProfile.PHONE_MAX) @Pattern(regexp = PHONE) @Schema(example = "+86 139 0000 1234")
            String phone,
            @Size(max = CustomerProfile.LANGUAGE_MAX) @Pattern(regexp = LANGUAGE) @Schema(example = "en")
            String language,
            @Size(max = CustomerProfile.TIER_MAX) @Schema(example = "vip")
            String tier,
            @Size(max = Tags.COUNT_MAX) @Schema(example = "[\"vip\", \"cross-border\"]")
            List<@NotBlank @Size(max = Tags.TAG_MAX) String> tags,
            @Size(max = CustomerProfile.NOTES_MAX) @Schema(example = "Ships to Singapore; speaks English.")
            String notes) {

        CustomerChanges toChanges() {
            return new CustomerChanges(name, email, phone, language, tier,
                    tags == null ? null : new LinkedHashSet<>(tags), notes);
        }
    }

    @Schema(name = "MergeCustomersRequest", description = "The customer to merge into the one named in the path")
    record MergeRequest(
            @NotNull
            @Schema(description = "Id of the duplicate customer, which is merged away",
                    example = "0f8fad5b-d9cb-469f-a165-70867728950e", requiredMode = Schema.RequiredMode.REQUIRED)
            UUID source) {
    }
}
