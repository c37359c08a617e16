package com.abiquo.scheduler.rules;

import java.util.List;
import java.util.Optional;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.infrastructure.Datacenter;
import com.abiquo.persistence.Entities;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Fit policy rules: at most one per datacenter and one global default (no datacenter). A
 * datacenter's rule goes with the datacenter (ON DELETE CASCADE).
 */
@Stateless
public class FitPolicyRuleService {

    @PersistenceContext
    private EntityManager em;

    public Page<FitPolicyRule> list(PageRequest request) {
        return PagedQuery.of(em, FitPolicyRule.class).sortable("fitPolicy").fetch(request);
    }

    public List<FitPolicyRule> all() {
        return em.createQuery("select r from FitPolicyRule r order by r.id", FitPolicyRule.class).getResultList();
    }

    public FitPolicyRule get(Integer id) {
        return Entities.find(em, FitPolicyRule.class, id, ApiError.RULE_NOT_FOUND);
    }

    /** A rule for the datacenter, or the global default when {@code datacenterId} is null. */
    public FitPolicyRule create(Integer datacenterId, FitPolicy policy) {
        Datacenter dc = null;
        if (datacenterId != null) {
            // the lock serialises two creations for the same datacenter; the unique key backs it up
            dc = Entities.lock(em, Datacenter.class, datacenterId, ApiError.DATACENTER_NOT_FOUND);
        }
        if (find(datacenterId).isPresent()) {
            throw ApiException.of(ApiError.RULE_DUPLICATED, dc == null ? "There is already a global fit policy rule"
                    : "There is already a fit policy rule for datacenter '" + dc.getName() + "'");
        }
        FitPolicyRule rule = new FitPolicyRule(dc, policy);
        em.persist(rule);
        return rule;
    }

    /** Changes the policy; the rule's scope stays. */
    public FitPolicyRule update(Integer id, FitPolicy policy) {
        FitPolicyRule rule = get(id);
        rule.setFitPolicy(policy);
        return rule;
    }

    public void delete(Integer id) {
        em.remove(get(id));
    }

    /** The policy the scheduler uses in the datacenter: its rule, else the global one, else PROGRESSIVE. */
    public FitPolicy effectiveFitPolicy(Integer datacenterId) {
        return FitPolicy.effective(find(datacenterId).map(FitPolicyRule::getFitPolicy),
                find(null).map(FitPolicyRule::getFitPolicy));
    }

    private Optional<FitPolicyRule> find(Integer datacenterId) {
        String where = datacenterId == null ? "r.datacenter is null" : "r.datacenter.id = :dc";
        var query = em.createQuery("select r from FitPolicyRule r where " + where, FitPolicyRule.class);
        if (datacenterId != null) {
            query.setParameter("dc", datacenterId);
        }
        return Entities.first(query.getResultList());
    }
}
