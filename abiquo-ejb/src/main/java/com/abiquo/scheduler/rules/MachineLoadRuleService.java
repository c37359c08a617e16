package com.abiquo.scheduler.rules;

import java.util.List;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.infrastructure.Datacenter;
import com.abiquo.infrastructure.DatacenterService;
import com.abiquo.infrastructure.Machine;
import com.abiquo.infrastructure.MachineService;
import com.abiquo.infrastructure.Rack;
import com.abiquo.infrastructure.RackService;
import com.abiquo.persistence.Entities;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Machine load rules: at most one per machine, rack or datacenter. A rule goes with its scope
 * (ON DELETE CASCADE). Where several apply, the most specific wins.
 */
@Stateless
public class MachineLoadRuleService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private DatacenterService datacenters;

    @EJB
    private RackService racks;

    @EJB
    private MachineService machines;

    public Page<MachineLoadRule> list(PageRequest request) {
        return PagedQuery.of(em, MachineLoadRule.class).sortable("cpuLoadPercentage", "ramLoadPercentage")
                .fetch(request);
    }

    public List<MachineLoadRule> all() {
        return em.createQuery("select r from MachineLoadRule r order by r.id", MachineLoadRule.class).getResultList();
    }

    public MachineLoadRule get(Integer id) {
        return Entities.find(em, MachineLoadRule.class, id, ApiError.RULE_NOT_FOUND);
    }

    /**
     * A rule for the scope the ids name, outermost first: {@code [dc]} a datacenter,
     * {@code [dc, rack]} a rack, {@code [dc, rack, machine]} a machine (each must be under the
     * others, else 404).
     */
    public MachineLoadRule create(int[] scope, LoadLevel level) {
        MachineLoadRule rule;
        String attribute;
        Object target;
        String name;
        switch (scope.length) {
            case 1 -> {
                Datacenter dc = datacenters.get(scope[0]);
                rule = MachineLoadRule.forDatacenter(dc, level);
                attribute = "datacenter";
                target = dc;
                name = "datacenter '" + dc.getName() + "'";
            }
            case 2 -> {
                Rack rack = racks.get(scope[0], scope[1]);
                rule = MachineLoadRule.forRack(rack, level);
                attribute = "rack";
                target = rack;
                name = "rack '" + rack.getName() + "'";
            }
            case 3 -> {
                Machine machine = machines.get(scope[0], scope[1], scope[2]);
                rule = MachineLoadRule.forMachine(machine, level);
                attribute = "machine";
                target = machine;
                name = "machine '" + machine.getName() + "'";
            }
            default -> throw new IllegalArgumentException("scope " + scope.length);
        }
        // the lock on the scope serialises two creations for it; the unique keys back it up
        em.lock(target, LockModeType.PESSIMISTIC_WRITE);
        long existing = em.createQuery("select count(r) from MachineLoadRule r where r." + attribute + " = :target",
                Long.class).setParameter("target", target).getSingleResult();
        if (existing > 0) {
            throw ApiException.of(ApiError.RULE_DUPLICATED, "There is already a machine load rule for " + name);
        }
        em.persist(rule);
        return rule;
    }

    /** Changes the percentages; the rule's scope stays. */
    public MachineLoadRule update(Integer id, LoadLevel level) {
        MachineLoadRule rule = get(id);
        rule.setLevel(level);
        return rule;
    }

    public void delete(Integer id) {
        em.remove(get(id));
    }
}
