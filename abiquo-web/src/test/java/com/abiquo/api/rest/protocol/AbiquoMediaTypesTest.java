package com.abiquo.api.rest.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AbiquoMediaTypesTest {

    @Test
    void everyClientSpellingParses() {
        for (String spelling : new String[] {
            "application/vnd.abiquo.datacenter+json; version=3.10;",
            "application/vnd.abiquo.datacenter+json; version=3.10",
            "application/vnd.abiquo.datacenter+json;version=2.0",
            "application/vnd.abiquo.datacenter+json; version=2.4 ",
            " Application/VND.abiquo.datacenter+JSON ; version=\"5.0\""}) {
            AbiquoMediaTypes.Range r = AbiquoMediaTypes.parse(spelling).orElseThrow();
            assertThat(r.type()).isEqualTo("application/vnd.abiquo.datacenter+json");
            assertThat(r.isAbiquo()).isTrue();
            assertThat(r.version()).isPresent();
            assertThat(r.normalized()).isEqualTo("application/vnd.abiquo.datacenter+json");
        }
    }

    @Test
    void otherParametersAreKept() {
        assertThat(AbiquoMediaTypes.parse("application/json; q=0.5; charset=utf-8").orElseThrow().normalized())
                .isEqualTo("application/json;q=0.5;charset=utf-8");
    }

    @Test
    void garbageIsNotAMediaType() {
        assertThat(AbiquoMediaTypes.parse("json")).isEmpty();
        assertThat(AbiquoMediaTypes.parse("application/json; version")).isEmpty();
        assertThat(AbiquoMediaTypes.parse("")).isEmpty();
    }

    @Test
    void versionsFromTwoToTheCurrentOneAreSupported() {
        assertThat(AbiquoMediaTypes.isSupportedVersion("2.0")).isTrue();
        assertThat(AbiquoMediaTypes.isSupportedVersion("3.10")).isTrue();
        assertThat(AbiquoMediaTypes.isSupportedVersion("4.7")).isTrue();
        assertThat(AbiquoMediaTypes.isSupportedVersion("5.0")).isTrue();
        assertThat(AbiquoMediaTypes.isSupportedVersion("3.2.1")).isTrue();
        assertThat(AbiquoMediaTypes.isSupportedVersion("1.9")).isFalse();
        assertThat(AbiquoMediaTypes.isSupportedVersion("5.1")).isFalse();
        assertThat(AbiquoMediaTypes.isSupportedVersion("10.0")).isFalse();
        assertThat(AbiquoMediaTypes.isSupportedVersion("x")).isFalse();
        assertThat(AbiquoMediaTypes.isSupportedVersion("")).isFalse();
    }
}
