package com.abiquo.scheduler.rules;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.persistence.Entities;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;
import com.abiquo.tenancy.Enterprise;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Enterprise exclusion rules: pairs of distinct enterprises, each pair once in either order. A rule
 * goes with either enterprise (ON DELETE CASCADE).
 */
@Stateless
public class EnterpriseExclusionRuleService {

    @PersistenceContext
    private EntityManager em;

    public Page<EnterpriseExclusionRule> list(PageRequest request) {
        return PagedQuery.of(em, EnterpriseExclusionRule.class).searchable("enterprise1.name", "enterprise2.name")
                .fetch(request);
    }

    public List<EnterpriseExclusionRule> all() {
        return em.createQuery("select r from EnterpriseExclusionRule r order by r.id", EnterpriseExclusionRule.class)
                .getResultList();
    }

    public EnterpriseExclusionRule get(Integer id) {
        return Entities.find(em, EnterpriseExclusionRule.class, id, ApiError.RULE_NOT_FOUND);
    }

    public EnterpriseExclusionRule create(Integer enterpriseA, Integer enterpriseB) {
        Enterprise[] pair = pair(enterpriseA, enterpriseB, null);
        EnterpriseExclusionRule rule = new EnterpriseExclusionRule(pair[0], pair[1]);
        em.persist(rule);
        return rule;
    }

    public EnterpriseExclusionRule update(Integer id, Integer enterpriseA, Integer enterpriseB) {
        EnterpriseExclusionRule rule = get(id);
        Enterprise[] pair = pair(enterpriseA, enterpriseB, id);
        rule.setPair(pair[0], pair[1]);
        return rule;
    }

    public void delete(Integer id) {
        em.remove(get(id));
    }

    /** The ids of the enterprises whose VMs may not share a machine with this enterprise's. */
    public Set<Integer> excludedWith(Integer enterpriseId) {
        Set<Integer> excluded = new TreeSet<>();
        em.createQuery("select r from EnterpriseExclusionRule r where r.enterprise1.id = :e or r.enterprise2.id = :e",
                EnterpriseExclusionRule.class).setParameter("e", enterpriseId).getResultList()
                .forEach(r -> excluded.add(r.other(enterpriseId).getId()));
        return excluded;
    }

    /** Two distinct existing enterprises not yet paired by another rule than {@code except}. */
    private Enterprise[] pair(Integer a, Integer b, Integer except) {
        if (a.equals(b)) {
            throw ApiException.of(ApiError.RULE_SAME_ENTERPRISE);
        }
        // locked in id order (no deadlock): two creations of the same pair are serialised
        Enterprise first = Entities.lock(em, Enterprise.class, Math.min(a, b), ApiError.ENTERPRISE_NOT_FOUND);
        Enterprise second = Entities.lock(em, Enterprise.class, Math.max(a, b), ApiError.ENTERPRISE_NOT_FOUND);
        List<Integer> same = em.createQuery("select r.id from EnterpriseExclusionRule r where r.enterprise1 = :first "
                + "and r.enterprise2 = :second", Integer.class).setParameter("first", first)
                .setParameter("second", second).getResultList();
        if (same.stream().anyMatch(id -> !id.equals(except))) {
            throw ApiException.of(ApiError.RULE_DUPLICATED, "There is already an exclusion rule between '"
                    + first.getName() + "' and '" + second.getName() + "'");
        }
        return new Enterprise[] {first, second};
    }
}
