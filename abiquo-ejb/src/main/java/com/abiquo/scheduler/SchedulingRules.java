package com.abiquo.scheduler;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.abiquo.scheduler.rules.EnterpriseExclusionRuleService;
import com.abiquo.scheduler.rules.FitPolicy;
import com.abiquo.scheduler.rules.FitPolicyRuleService;
import com.abiquo.scheduler.rules.LoadLevel;

import jakarta.persistence.EntityManager;

/**
 * The allocation rules as one leader transaction reads them: fit policies, enterprise exclusions
 * and machine load rules are read once per transaction (a batch of up to 32 scheduler requests)
 * instead of once per placement. A rule changed through the API while a batch runs applies from
 * the next batch on, as if it had been committed just after this one.
 */
final class SchedulingRules {

    private final EntityManager em;
    private final FitPolicyRuleService fitPolicies;
    private final EnterpriseExclusionRuleService exclusions;
    private final Map<Integer, FitPolicy> fitPolicyByDatacenter = new HashMap<>();
    private final Map<Integer, Set<Integer>> excludedByEnterprise = new HashMap<>();
    private LoadRuleTable loadRules;

    SchedulingRules(EntityManager em, FitPolicyRuleService fitPolicies, EnterpriseExclusionRuleService exclusions) {
        this.em = em;
        this.fitPolicies = fitPolicies;
        this.exclusions = exclusions;
    }

    FitPolicy fitPolicy(int datacenterId) {
        return fitPolicyByDatacenter.computeIfAbsent(datacenterId, fitPolicies::effectiveFitPolicy);
    }

    /** The enterprises whose VMs may not share a machine with {@code enterpriseId}'s. */
    Set<Integer> excludedWith(int enterpriseId) {
        return excludedByEnterprise.computeIfAbsent(enterpriseId, exclusions::excludedWith);
    }

    /** The most specific load rule of the machine, its rack, its datacenter; else 100/100. */
    LoadLevel loadLevel(int machineId, int rackId, int datacenterId) {
        if (loadRules == null) {
            loadRules = LoadRuleTable.read(em);
        }
        return loadRules.levelOf(machineId, rackId, datacenterId);
    }
}
