package com.abiquo.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.abiquo.error.ApiException;

class LimitsTest {

    @Test
    void aZeroHardLimitMeansUnlimited() {
        Limits l = new Limits();
        l.setCpuSoft(100);
        l.setCpuHard(0);
        assertThat(l.softAboveHard()).isEmpty();
        Limits.requireConsistent(l);
    }

    @Test
    void everySoftAboveItsHardIsNamed() {
        Limits l = new Limits();
        l.setRamSoftMb(2048);
        l.setRamHardMb(1024);
        l.setVmsSoft(3);
        l.setVmsHard(2);
        l.setVlansSoft(2);
        l.setVlansHard(2);
        assertThat(l.softAboveHard()).containsExactly("ram", "virtual machines");
        assertThatThrownBy(() -> Limits.requireConsistent(l)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors().get(0).code()).isEqualTo("LIMIT-3");
            assertThat(e.errors().get(0).message()).contains("ram, virtual machines");
        });
    }

    @Test
    void copyFromCopiesEveryField() {
        Limits from = new Limits();
        from.setCpuHard(1);
        from.setDiskSoftMb(2);
        from.setStorageHardMb(3);
        from.setRepositorySoftMb(4);
        from.setPublicIpsHard(5);
        from.setVmsSoft(6);
        Limits to = new Limits();
        to.copyFrom(from);
        assertThat(to).usingRecursiveComparison().isEqualTo(from);
    }
}
