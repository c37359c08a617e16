package com.abiquo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class ApiConfigurationTest {

    static AbiquoProperties of(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return AbiquoProperties.of(p, "abiquo.properties");
    }

    @Test
    void defaultsAreThoseOfALocalInstallation() {
        ApiConfiguration c = ApiConfiguration.from(of());
        assertThat(c.redisPort()).isEqualTo(6379);
        assertThat(c.rabbitmqAddresses()).isEqualTo("127.0.0.1:5672");
        assertThat(c.zookeeperConnection()).isEmpty();
        assertThat(c.zookeeperSessionTimeoutMs()).isEqualTo(2000);
        assertThat(c.sessionTimeoutMinutes()).isEqualTo(30);
        assertThat(c.passwordHashIterations()).isEqualTo(600_000);
    }

    @Test
    void aMalformedKeyStopsTheNodeNamingIt() {
        assertThatThrownBy(() -> ApiConfiguration.from(of("abiquo.redis.port", "six")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("abiquo.redis.port");
        assertThatThrownBy(() -> ApiConfiguration.from(of("abiquo.rabbitmq.addresses", "host:5672, bad host")))
                .hasMessageContaining("abiquo.rabbitmq.addresses");
        assertThatThrownBy(() -> ApiConfiguration.from(of("abiquo.server.api.location", "/api")))
                .hasMessageContaining("abiquo.server.api.location");
        assertThatThrownBy(() -> ApiConfiguration.from(of("abiquo.security.passwordHashIterations", "10")))
                .hasMessageContaining("abiquo.security.passwordHashIterations");
        assertThatThrownBy(() -> ApiConfiguration.from(of("abiquo.security.trustedProxies", "10.0.0.5, lb.example.com")))
                .hasMessageContaining("abiquo.security.trustedProxies").hasMessageContaining("lb.example.com");
    }

    @Test
    void theTrustedProxiesAreThisMachineAndTheBalancerUnlessListed() {
        assertThat(ApiConfiguration.from(of()).trustedProxies()).containsExactly("127.0.0.1", "::1");
        assertThat(ApiConfiguration.from(of("abiquo.lb.address", "10.0.0.5")).trustedProxies())
                .containsExactly("127.0.0.1", "::1", "10.0.0.5");
        // a balancer named by host name is not trusted by default: nothing here looks names up
        assertThat(ApiConfiguration.from(of("abiquo.lb.address", "lb.example.com")).trustedProxies())
                .containsExactly("127.0.0.1", "::1");
        assertThat(ApiConfiguration.from(of("abiquo.security.trustedProxies", " 10.0.0.6 ,10.0.0.7")).trustedProxies())
                .containsExactly("10.0.0.6", "10.0.0.7");
        assertThat(ApiConfiguration.from(of("abiquo.security.trustedProxies", "")).trustedProxies()).isEmpty();
    }

    @Test
    void anEmptyPasswordIsNotAnAdminPassword() {
        assertThat(ApiConfiguration.from(of("abiquo.server.admin.initialPassword", "")).adminInitialPassword()).isEmpty();
        assertThat(ApiConfiguration.from(of("abiquo.server.admin.initialPassword", "xabiquo")).adminInitialPassword())
                .hasValue("xabiquo");
    }
}
