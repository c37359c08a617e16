package com.abiquo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class AbiquoPropertiesTest {

    static AbiquoProperties of(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return AbiquoProperties.of(p, "test.properties");
    }

    @Test
    void everyProblemIsReportedAtOnceNamingItsKey() {
        AbiquoProperties p = of("a.port", "seventy", "a.flag", "maybe");
        p.integer("a.port", 1, 1, 10);
        p.bool("a.flag", false);
        p.required("a.missing");
        assertThatThrownBy(p::validate).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("test.properties")
                .hasMessageContaining("'a.port'").hasMessageContaining("'a.flag'").hasMessageContaining("'a.missing'");
    }

    @Test
    void outOfRangeNumbersAreMalformed() {
        AbiquoProperties p = of("n", "11");
        assertThat(p.integer("n", 5, 1, 10)).isEqualTo(5);
        assertThatThrownBy(p::validate).hasMessageContaining("between 1 and 10");
    }

    @Test
    void defaultsApplyToAbsentKeysAndValuesAreTrimmed() {
        AbiquoProperties p = of("n", " 7 ", "b", "yes");
        assertThat(p.integer("n", 1, 1, 10)).isEqualTo(7);
        assertThat(p.integer("absent", 3, 1, 10)).isEqualTo(3);
        assertThat(p.bool("b", false)).isTrue();
        p.validate();
    }

    @Test
    void secretsAreMaskedWhenDescribedAndInErrors() {
        AbiquoProperties p = of("abiquo.rabbitmq.password", "s3cret", "abiquo.database.password", "hunter2",
                "abiquo.redis.host", "redis1");
        assertThat(p.describe()).doesNotContain("s3cret").doesNotContain("hunter2").contains("redis1");
        AbiquoProperties q = of("abiquo.x.password", "notanumber");
        q.integer("abiquo.x.password", 1, 1, 2);
        assertThatThrownBy(q::validate).hasMessageNotContaining("notanumber");
    }

    @Test
    void urisMustBeAbsolute() {
        AbiquoProperties p = of("u", "not a uri", "v", "https://lb.example.com/api");
        assertThat(p.uri("v")).hasValueSatisfying(u -> assertThat(u.getHost()).isEqualTo("lb.example.com"));
        p.uri("u");
        assertThatThrownBy(p::validate).hasMessageContaining("'u'");
    }
}
