package com.abiquo.scheduler.rules;

import com.abiquo.tenancy.Enterprise;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Two enterprises whose virtual machines never share a physical machine. Symmetric: the pair is
 * kept with the lower id first, so it is the same rule in either order.
 */
@Entity
@Table(name = "enterprise_exclusion_rule")
public class EnterpriseExclusionRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "enterprise1_id")
    private Enterprise enterprise1;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "enterprise2_id")
    private Enterprise enterprise2;

    @Version
    private int version;

    protected EnterpriseExclusionRule() {
    }

    public EnterpriseExclusionRule(Enterprise a, Enterprise b) {
        setPair(a, b);
    }

    public Integer getId() {
        return id;
    }

    public Enterprise getEnterprise1() {
        return enterprise1;
    }

    public Enterprise getEnterprise2() {
        return enterprise2;
    }

    /** The pair, in id order (two distinct enterprises: the service checks). */
    public final void setPair(Enterprise a, Enterprise b) {
        boolean ordered = a.getId() < b.getId();
        this.enterprise1 = ordered ? a : b;
        this.enterprise2 = ordered ? b : a;
    }

    /** The other enterprise of the pair. */
    public Enterprise other(Integer enterpriseId) {
        return enterprise1.getId().equals(enterpriseId) ? enterprise2 : enterprise1;
    }
}
