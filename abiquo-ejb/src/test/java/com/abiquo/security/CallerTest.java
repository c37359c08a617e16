package com.abiquo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

class CallerTest {

    private static Caller caller(Set<Privilege> privileges) {
        Caller c = new Caller();
        c.authenticate(7, "someone", 3, privileges);
        return c;
    }

    @Test
    void nobodyGivesWhatTheyDoNotHold() {
        Caller ea = caller(Privilege.enterpriseAdminDefaults());
        ea.requireHolds(Privilege.userDefaults());
        ea.requireHolds(Set.of());
        assertThatThrownBy(() -> ea.requireHolds(EnumSet.of(Privilege.USERS_VIEW, Privilege.ENTERPRISE_ADMINISTER_ALL,
                Privilege.SYSCONFIG_VIEW))).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.errors().get(0).code()).isEqualTo("ROLE-3");
                    assertThat(e.errors().get(0).message()).contains("ENTERPRISE_ADMINISTER_ALL, SYSCONFIG_VIEW")
                            .doesNotContain("USERS_VIEW");
                });
    }

    @Test
    void anotherTenantIsNotFoundUnlessTheCallerAdministersAll() {
        Caller user = caller(Privilege.userDefaults());
        user.requireEnterprise(3, ApiError.ENTERPRISE_NOT_FOUND);
        assertThatThrownBy(() -> user.requireEnterprise(4, ApiError.ENTERPRISE_NOT_FOUND))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        caller(EnumSet.of(Privilege.ENTERPRISE_ADMINISTER_ALL)).requireEnterprise(4,
                ApiError.ENTERPRISE_NOT_FOUND);
    }
}
