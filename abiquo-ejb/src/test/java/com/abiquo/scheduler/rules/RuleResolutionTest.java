package com.abiquo.scheduler.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

class RuleResolutionTest {

    private static final Optional<LoadLevel> NONE = Optional.empty();

    @Test
    void theDatacenterFitPolicyWinsOverTheGlobalOneWhichWinsOverProgressive() {
        assertThat(FitPolicy.effective(Optional.of(FitPolicy.PERFORMANCE), Optional.of(FitPolicy.PROGRESSIVE)))
                .isEqualTo(FitPolicy.PERFORMANCE);
        assertThat(FitPolicy.effective(Optional.empty(), Optional.of(FitPolicy.PERFORMANCE)))
                .isEqualTo(FitPolicy.PERFORMANCE);
        assertThat(FitPolicy.effective(Optional.of(FitPolicy.PROGRESSIVE), Optional.of(FitPolicy.PERFORMANCE)))
                .isEqualTo(FitPolicy.PROGRESSIVE);
        assertThat(FitPolicy.effective(Optional.empty(), Optional.empty())).isEqualTo(FitPolicy.PROGRESSIVE);
    }

    @Test
    void fitPoliciesAreReadByNameAndAnythingElseIsA400() {
        assertThat(FitPolicy.parse("performance")).isEqualTo(FitPolicy.PERFORMANCE);
        assertThat(FitPolicy.parse(" PROGRESSIVE ")).isEqualTo(FitPolicy.PROGRESSIVE);
        assertThatThrownBy(() -> FitPolicy.parse("FASTEST")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errors().get(0).code()).isEqualTo(ApiError.RULE_INVALID_FIT_POLICY.code()));
        assertThatThrownBy(() -> FitPolicy.parse(null)).isInstanceOf(ApiException.class);
    }

    @Test
    void theMostSpecificLoadRuleWins() {
        LoadLevel machine = new LoadLevel(150, 90);
        LoadLevel rack = new LoadLevel(120, 100);
        LoadLevel dc = new LoadLevel(80, 80);
        assertThat(LoadLevel.mostSpecific(Optional.of(machine), Optional.of(rack), Optional.of(dc))).isEqualTo(machine);
        assertThat(LoadLevel.mostSpecific(NONE, Optional.of(rack), Optional.of(dc))).isEqualTo(rack);
        assertThat(LoadLevel.mostSpecific(NONE, NONE, Optional.of(dc))).isEqualTo(dc);
        assertThat(LoadLevel.mostSpecific(Optional.of(machine), NONE, Optional.of(dc))).isEqualTo(machine);
        assertThat(LoadLevel.mostSpecific(NONE, NONE, NONE)).isEqualTo(new LoadLevel(100, 100));
    }

    @Test
    void percentagesGoFromZeroToIntegerMaxAndOverAHundredIsOvercommit() {
        assertThat(LoadLevel.of(0, Integer.MAX_VALUE).maxRamInMb(16384)).isEqualTo(16384L * Integer.MAX_VALUE / 100);
        assertThat(LoadLevel.of(200, 100).maxCpus(8)).isEqualTo(16);
        assertThat(LoadLevel.of(50, 100).maxCpus(8)).isEqualTo(4);
        assertThat(LoadLevel.DEFAULT.maxRamInMb(1024)).isEqualTo(1024);
        for (Integer[] bad : new Integer[][] {{-1, 100}, {100, -1}, {null, 100}, {100, null}}) {
            assertThatThrownBy(() -> LoadLevel.of(bad[0], bad[1])).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.errors().get(0).code()).isEqualTo("RULE-2"));
        }
    }

    @Test
    void anExclusionPairIsKeptInIdOrderAndNamesTheOtherEnterprise() {
        com.abiquo.tenancy.Enterprise a = enterprise(7);
        com.abiquo.tenancy.Enterprise b = enterprise(3);
        EnterpriseExclusionRule rule = new EnterpriseExclusionRule(a, b);
        assertThat(rule.getEnterprise1()).isSameAs(b);
        assertThat(rule.getEnterprise2()).isSameAs(a);
        assertThat(rule.other(7)).isSameAs(b);
        assertThat(rule.other(3)).isSameAs(a);
    }

    private static com.abiquo.tenancy.Enterprise enterprise(int id) {
        com.abiquo.tenancy.Enterprise e = new com.abiquo.tenancy.Enterprise("e" + id);
        try {
            var field = com.abiquo.tenancy.Enterprise.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(e, id);
        } catch (ReflectiveOperationException ex) {
            throw new AssertionError(ex);
        }
        return e;
    }
}
