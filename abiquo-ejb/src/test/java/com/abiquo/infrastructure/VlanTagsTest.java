package com.abiquo.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VlanTagsTest {

    @Test
    void lowestFreeTagsSkipAvoidedAndUsedOnes() {
        VlanTags tags = VlanTags.of(10, 20, "11, 13-15");
        assertThat(tags.take(3, Set.of(10))).containsExactly(12, 16, 17);
        assertThat(tags.free(Set.of())).isEqualTo(11 - 4);
        assertThat(tags.free(List.of(10, 12, 16, 17, 18, 19, 20))).isZero();
        assertThat(tags.take(2, List.of(10, 12, 16, 17, 18, 19, 20))).isEmpty();
    }

    @Test
    void usedTagsOutsideTheRangeChangeNothing() {
        assertThat(VlanTags.of(2, 4, "").take(5, Set.of(1, 5, 4094))).containsExactly(2, 3, 4);
    }

    @Test
    void malformedAvoidedListsAreRefusedNamingThePart() {
        assertThat(VlanTags.parseAvoided(" ").isEmpty()).isTrue();
        for (String bad : List.of("a", "30-", "40-30", "1-2-3", "5,,6", "-1")) {
            assertThatThrownBy(() -> VlanTags.parseAvoided(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("range of tags");
        }
    }
}
