package com.abiquo.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class PagedQueryTest {

    private static PageRequest page(int startWith, int limit) {
        return new PageRequest(startWith, limit, null, true, null);
    }

    @Test
    void aShortPageGivesTheTotalWithoutACount() {
        assertThat(PagedQuery.totalWithoutCount(page(0, 25), 3)).hasValue(3);
        assertThat(PagedQuery.totalWithoutCount(page(50, 25), 7)).hasValue(57);
        assertThat(PagedQuery.totalWithoutCount(page(0, 25), 0)).as("nothing at all").hasValue(0);
        assertThat(PagedQuery.totalWithoutCount(page(0, 0), 40)).as("everything asked for").hasValue(40);
        assertThat(PagedQuery.totalWithoutCount(page(10, 0), 5)).hasValue(15);
    }

    @Test
    void aFullPageOrOnePastTheEndNeedsTheCount() {
        assertThat(PagedQuery.totalWithoutCount(page(0, 25), 25)).as("more rows may follow").isEqualTo(OptionalLong.empty());
        assertThat(PagedQuery.totalWithoutCount(page(100, 25), 0)).as("past the end: how many is unknown")
                .isEqualTo(OptionalLong.empty());
        assertThat(PagedQuery.totalWithoutCount(page(100, 0), 0)).isEqualTo(OptionalLong.empty());
    }
}
