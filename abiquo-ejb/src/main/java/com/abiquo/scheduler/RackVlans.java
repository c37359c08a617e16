package com.abiquo.scheduler;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import com.abiquo.cloud.PrivateNetwork;
import com.abiquo.cloud.VirtualDatacenter;
import com.abiquo.infrastructure.Rack;
import com.abiquo.infrastructure.VlanTags;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Abiquo's VLAN rule for the allocator: a virtual datacenter lives on one rack, chosen at its
 * first deploy among the racks with a free VLAN tag for each of its private networks, the rack
 * with the most free tags first; its networks then get their tags from that rack. Only the leader
 * assigns tags, one deploy at a time and with the rack row locked, so a tag is never given twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class RackVlans {

    private static final Logger LOG = Logger.getLogger(RackVlans.class.getName());

    @PersistenceContext
    private EntityManager em;

    /**
     * Where the VDC's next VM may go: the racks in the order to try them (empty: none has tags
     * enough), and the VDC's networks that still need a tag from the chosen one.
     */
    public record Candidates(List<Integer> racks, List<PrivateNetwork> untagged) {
    }

    public Candidates candidates(VirtualDatacenter vdc) {
        List<PrivateNetwork> untagged = untagged(vdc);
        return new Candidates(candidateRacks(vdc, untagged.size()), untagged);
    }

    private List<Integer> candidateRacks(VirtualDatacenter vdc, int needed) {
        if (vdc.getRack() != null) {
            return needed == 0 || free(vdc.getRack()) >= needed ? List.of(vdc.getRack().getId()) : List.of();
        }
        List<Rack> racks = em.createQuery("select r from Rack r where r.datacenter = :dc", Rack.class)
                .setParameter("dc", vdc.getDatacenter()).getResultList();
        Map<Rack, Integer> freeTags = new java.util.HashMap<>();
        racks.forEach(r -> freeTags.put(r, free(r)));
        return racks.stream().filter(r -> freeTags.get(r) >= Math.max(needed, 1))
                .sorted(Comparator.comparing((Rack r) -> -freeTags.get(r)).thenComparing(Rack::getId))
                .map(Rack::getId).toList();
    }

    /** Gives the candidates' untagged networks their tags from {@code rackId} (checked free by {@link #candidates}). */
    public void tag(VirtualDatacenter vdc, Candidates candidates, int rackId) {
        List<PrivateNetwork> untagged = candidates.untagged();
        if (untagged.isEmpty()) {
            return;
        }
        Rack rack = em.find(Rack.class, rackId, LockModeType.PESSIMISTIC_WRITE);
        List<Integer> tags = VlanTags.of(rack).take(untagged.size(), used(rack));
        if (tags.size() < untagged.size()) {
            throw new IllegalStateException("rack " + rackId + " ran out of VLAN tags while the leader assigned them");
        }
        for (int i = 0; i < untagged.size(); i++) {
            PrivateNetwork n = untagged.get(i);
            n.setVlanTag(tags.get(i));
            LOG.info("Private network " + n.getId() + " of virtual datacenter " + vdc.getId() + " has VLAN tag "
                    + tags.get(i) + " of rack " + rackId);
        }
    }

    private int free(Rack rack) {
        return VlanTags.of(rack).free(used(rack));
    }

    private List<Integer> used(Rack rack) {
        return em.createQuery("select n.vlanTag from PrivateNetwork n where n.virtualDatacenter.rack = :rack "
                + "and n.vlanTag is not null", Integer.class).setParameter("rack", rack).getResultList();
    }

    private List<PrivateNetwork> untagged(VirtualDatacenter vdc) {
        return em.createQuery("select n from PrivateNetwork n where n.virtualDatacenter = :vdc and n.vlanTag is null "
                + "order by n.id", PrivateNetwork.class).setParameter("vdc", vdc).getResultList();
    }
}
