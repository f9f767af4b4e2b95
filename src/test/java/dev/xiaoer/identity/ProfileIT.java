package dev.xiaoer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ProfileIT {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    IdentityManagement identity;

    @Test
    void aUserChangesTheirNameAndLanguage() {
        var shop = workspaces.create("Profile Shop");

        identity.updateProfile(shop.admin().id(), "  李娜  ", Locale.SIMPLIFIED_CHINESE);

        var member = identity.member(shop.workspace().id(), shop.admin().id()).orElseThrow();
        assertThat(member.displayName()).isEqualTo("李娜");
        assertThat(member.locale()).isEqualTo("zh-CN");
    }

    @Test
    void noLanguageMeansFollowingTheBrowser() {
        var shop = workspaces.create("Browser Profile Shop");

        identity.updateProfile(shop.admin().id(), "Lina", null);

        assertThat(identity.member(shop.workspace().id(), shop.admin().id()).orElseThrow().locale()).isNull();
    }

    @Test
    void aBlankOrOverlongNameIsRefusedAndNothingChanges() {
        var shop = workspaces.create("Strict Profile Shop");
        var before = identity.member(shop.workspace().id(), shop.admin().id()).orElseThrow();

        assertThatThrownBy(() -> identity.updateProfile(shop.admin().id(), " \t", Locale.ENGLISH))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("displayName");
                    assertThat(e.code()).isEqualTo("display-name-required");
                });
        assertThatThrownBy(() -> identity.updateProfile(shop.admin().id(), "x".repeat(121), Locale.ENGLISH))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.code()).isEqualTo("display-name-too-long"));

        assertThat(identity.member(shop.workspace().id(), shop.admin().id()).orElseThrow()).isEqualTo(before);
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThatThrownBy(() -> identity.updateProfile(new UserId(UUID.randomUUID()), "Nobody", null))
                .isInstanceOf(NotFound.class);
    }
}
