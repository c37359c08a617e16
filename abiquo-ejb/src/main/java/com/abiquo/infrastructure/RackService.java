package com.abiquo.infrastructure;

import static com.abiquo.infrastructure.Updates.ifGiven;

import java.util.List;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.persistence.Entities;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Racks of a datacenter: unique names in it, a valid VLAN range, deleted only when empty. */
@Stateless
public class RackService {

    static final int VLAN_MIN = 1;
    static final int VLAN_MAX = 4094;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private DatacenterService datacenters;

    public Page<Rack> list(Integer datacenterId, PageRequest request) {
        datacenters.get(datacenterId);
        return PagedQuery.of(em, Rack.class).where((cb, r) -> cb.equal(r.get("datacenter").get("id"), datacenterId))
                .searchable("name", "shortDescription").sortable("name").fetch(request);
    }

    /** The rack, with its datacenter loaded (links carry its name); 404 under another datacenter. */
    public Rack get(Integer datacenterId, Integer rackId) {
        datacenters.get(datacenterId);
        return Entities.findChild(em, Rack.class, rackId, r -> r.getDatacenter().getId(), datacenterId,
                ApiError.RACK_NOT_FOUND);
    }

    /** The same, holding a row lock: machines are added and the rack deleted one at a time. */
    public Rack lock(Integer datacenterId, Integer rackId) {
        Rack rack = get(datacenterId, rackId);
        em.lock(rack, LockModeType.PESSIMISTIC_WRITE);
        return rack;
    }

    public Rack create(Integer datacenterId, RackSpec spec) {
        Datacenter dc = datacenters.get(datacenterId);
        requireUniqueName(dc, spec.name(), null);
        Rack rack = new Rack(dc, spec.name());
        apply(rack, spec);
        em.persist(rack);
        return rack;
    }

    public Rack update(Integer datacenterId, Integer rackId, RackSpec spec) {
        Rack rack = get(datacenterId, rackId);
        requireUniqueName(rack.getDatacenter(), spec.name(), rackId);
        rack.setName(spec.name());
        apply(rack, spec);
        return rack;
    }

    public void delete(Integer datacenterId, Integer rackId) {
        Rack rack = lock(datacenterId, rackId);
        long machines = em.createQuery("select count(m) from Machine m where m.rack = :rack", Long.class)
                .setParameter("rack", rack).getSingleResult();
        if (machines > 0) {
            throw ApiException.of(ApiError.RACK_HAS_MACHINES);
        }
        em.remove(rack);
    }

    private static void apply(Rack rack, RackSpec spec) {
        int min = spec.vlanIdMin() != null ? spec.vlanIdMin() : rack.getVlanIdMin();
        int max = spec.vlanIdMax() != null ? spec.vlanIdMax() : rack.getVlanIdMax();
        if (min < VLAN_MIN || max > VLAN_MAX) {
            throw ApiException.of(ApiError.RACK_INVALID_VLANS, "VLAN ids go from " + VLAN_MIN + " to " + VLAN_MAX);
        }
        if (min > max) {
            throw ApiException.of(ApiError.RACK_INVALID_VLANS, "vlanIdMin " + min + " is above vlanIdMax " + max);
        }
        rack.setVlanIdMin(min);
        rack.setVlanIdMax(max);
        rack.setShortDescription(spec.shortDescription());
        rack.setLongDescription(spec.longDescription());
        if (spec.vlansIdAvoided() != null) {
            try {
                VlanTags.parseAvoided(spec.vlansIdAvoided());
            } catch (IllegalArgumentException e) {
                throw ApiException.of(ApiError.RACK_INVALID_VLANS, "vlansIdAvoided: " + e.getMessage());
            }
        }
        ifGiven(spec.vlansIdAvoided(), rack::setVlansIdAvoided);
        ifGiven(spec.vlanPerVdcReserved(), rack::setVlanPerVdcReserved);
        ifGiven(spec.nrsq(), rack::setNrsq);
        ifGiven(spec.haEnabled(), rack::setHaEnabled);
    }

    private void requireUniqueName(Datacenter dc, String name, Integer except) {
        List<Integer> same = em.createQuery("select r.id from Rack r where r.datacenter = :dc and r.name = :name",
                Integer.class).setParameter("dc", dc).setParameter("name", name).getResultList();
        if (same.stream().anyMatch(id -> !id.equals(except))) {
            throw ApiException.of(ApiError.RACK_DUPLICATED_NAME, name);
        }
    }
}
