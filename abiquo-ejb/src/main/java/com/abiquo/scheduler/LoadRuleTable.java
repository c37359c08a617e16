package com.abiquo.scheduler;

import java.util.List;
import java.util.Optional;

import com.abiquo.scheduler.rules.LoadLevel;

import jakarta.persistence.EntityManager;

/**
 * Every machine load rule by the ids of its scope, read in one query: a machine's effective level
 * (its own rule, else its rack's, else its datacenter's, else 100/100) without loading machines or
 * racks. A rule names exactly one of machine, rack and datacenter.
 */
record LoadRuleTable(List<LoadRuleTable.Rule> rules) {

    record Rule(Integer machineId, Integer rackId, Integer datacenterId, LoadLevel level) {
    }

    static LoadRuleTable read(EntityManager em) {
        return new LoadRuleTable(em.createQuery("select r.machine.id, r.rack.id, r.datacenter.id, "
                + "r.cpuLoadPercentage, r.ramLoadPercentage from MachineLoadRule r", Object[].class).getResultList()
                .stream().map(row -> new Rule((Integer) row[0], (Integer) row[1], (Integer) row[2],
                        new LoadLevel((Integer) row[3], (Integer) row[4])))
                .toList());
    }

    LoadLevel levelOf(int machineId, int rackId, int datacenterId) {
        Optional<LoadLevel> machine = Optional.empty();
        Optional<LoadLevel> rack = Optional.empty();
        Optional<LoadLevel> datacenter = Optional.empty();
        for (Rule r : rules) {
            if (r.machineId() != null) {
                if (r.machineId() == machineId) {
                    machine = Optional.of(r.level());
                }
            } else if (r.rackId() != null) {
                if (r.rackId() == rackId) {
                    rack = Optional.of(r.level());
                }
            } else if (r.datacenterId() != null && r.datacenterId() == datacenterId) {
                datacenter = Optional.of(r.level());
            }
        }
        return LoadLevel.mostSpecific(machine, rack, datacenter);
    }
}
