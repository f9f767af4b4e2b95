package dev.xiaoer.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xiaoer.customer.CustomerChanges;
import dev.xiaoer.kernel.InvalidInput;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CustomerProfileTest {

    @Test
    void storesContactFieldsInTheFormTheyAreSearchedIn() {
        var profile = new CustomerProfile(" 王芳 ", "Wang.Fang@Example.CN ", "+86 (138) 0013-8000", "zh_cn", " VIP ",
                "  ");

        assertThat(profile).isEqualTo(new CustomerProfile("王芳", "wang.fang@example.cn", "+8613800138000", "zh-CN",
                "vip", null));
    }

    @Test
    void aPartialUpdateKeepsWhatIsNullAndClearsWhatIsEmpty() {
        var profile = new CustomerProfile("Anna", "anna@example.de", null, "de", "regular", "Likes apples");

        var updated = profile.apply(new CustomerChanges(null, null, "+49 30 1234567", null, "", null, null));

        assertThat(updated).isEqualTo(new CustomerProfile("Anna", "anna@example.de", "+49301234567", "de", null,
                "Likes apples"));
    }

    @Test
    void aMergeKeepsTheTargetsFieldsAndFillsOnlyTheEmptyOnes() {
        var target = new CustomerProfile("王芳", "wang.fang@example.cn", null, null, "vip", null);
        var source = new CustomerProfile("Fang W.", "fangw@example.com", "+8613800138000", "en", "regular", "Mango");

        assertThat(target.fillEmptyFrom(source)).isEqualTo(new CustomerProfile("王芳", "wang.fang@example.cn",
                "+8613800138000", "en", "vip", "Mango"));
    }

    @Test
    void refusesABlankNameOversizeFieldsAndNonsenseLanguages() {
        assertThatThrownBy(() -> new CustomerProfile(" ", null, null, null, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> new CustomerProfile("x".repeat(201), null, null, null, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> new CustomerProfile("Ok", null, "no digits", null, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("phone"));
        assertThatThrownBy(() -> new CustomerProfile("Ok", null, null, "12", null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("language"));
    }

    @Test
    void tagsAreTrimmedLowerCasedAndCounted() {
        assertThat(Tags.normalise(List.of("VIP", " vip", "Fruit"))).containsExactly("fruit", "vip");
        var tooMany = IntStream.range(0, 51).mapToObj(i -> "t" + i).toList();
        assertThatThrownBy(() -> Tags.normalise(tooMany))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("tags"));
    }
}
