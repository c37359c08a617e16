package com.abiquo.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.abiquo.scheduler.LoadRuleTable.Rule;
import com.abiquo.scheduler.rules.LoadLevel;

class LoadRuleTableTest {

    private static final LoadLevel MACHINE_7 = new LoadLevel(150, 110);
    private static final LoadLevel RACK_2 = new LoadLevel(300, 120);
    private static final LoadLevel DATACENTER_1 = new LoadLevel(200, 100);

    private final LoadRuleTable table = new LoadRuleTable(List.of(
            new Rule(7, null, null, MACHINE_7), new Rule(null, 2, null, RACK_2), new Rule(null, null, 1, DATACENTER_1)));

    @Test
    void aMachineRuleWinsOverItsRacksWhichWinsOverItsDatacenters() {
        assertThat(table.levelOf(7, 2, 1)).isEqualTo(MACHINE_7);
        assertThat(table.levelOf(8, 2, 1)).isEqualTo(RACK_2);
        assertThat(table.levelOf(9, 3, 1)).isEqualTo(DATACENTER_1);
        assertThat(table.levelOf(9, 3, 4)).isEqualTo(LoadLevel.DEFAULT);
    }

    /** The capacity index used to take another machine's rule for a rule of that machine's rack. */
    @Test
    void aRuleOfAnotherMachineOrRackDoesNotApply() {
        LoadRuleTable siblings = new LoadRuleTable(List.of(new Rule(7, null, null, MACHINE_7),
                new Rule(null, 5, null, RACK_2)));
        assertThat(siblings.levelOf(8, 2, 1)).isEqualTo(LoadLevel.DEFAULT);
    }
}
