package com.abiquo.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.abiquo.cloud.LimitChecker.Usage;
import com.abiquo.tenancy.Limits;

class LimitCheckerTest {

    static final Usage ONE_VM = new Usage(1, 2, 1024, 10, 0);

    @Test
    void usageIsReadOnlyWhenALimitBoundsWhatGrows() {
        Limits none = new Limits();
        assertThat(LimitChecker.bounds(none, ONE_VM)).isFalse();

        Limits vlans = new Limits();
        vlans.setVlansHard(4);
        assertThat(LimitChecker.bounds(vlans, ONE_VM)).as("a VLAN limit does not bound a VM").isFalse();
        assertThat(LimitChecker.bounds(vlans, new Usage(0, 0, 0, 0, 1))).isTrue();

        Limits softRam = new Limits();
        softRam.setRamSoftMb(4096);
        assertThat(LimitChecker.bounds(softRam, ONE_VM)).isTrue();
        assertThat(LimitChecker.bounds(softRam, new Usage(0, 1, 0, 0, 0))).isFalse();

        Limits hardCpu = new Limits();
        hardCpu.setCpuHard(8);
        assertThat(LimitChecker.bounds(hardCpu, ONE_VM)).isTrue();
    }
}
