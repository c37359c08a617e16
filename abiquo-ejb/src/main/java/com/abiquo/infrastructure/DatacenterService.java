package com.abiquo.infrastructure;

import java.util.List;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.persistence.Entities;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Datacenters: unique names, a default network service type each, deleted only when empty. */
@Stateless
public class DatacenterService {

    @PersistenceContext
    private EntityManager em;

    public Page<Datacenter> list(PageRequest request) {
        return PagedQuery.of(em, Datacenter.class).searchable("name", "location").sortable("name", "location")
                .fetch(request);
    }

    public Datacenter get(Integer id) {
        return Entities.find(em, Datacenter.class, id, ApiError.DATACENTER_NOT_FOUND);
    }

    public Datacenter create(String name, String location) {
        requireUniqueName(name, null);
        Datacenter dc = new Datacenter(name, location);
        em.persist(dc);
        em.persist(new NetworkServiceType(dc, NetworkServiceType.DEFAULT_NAME, true));
        return dc;
    }

    public Datacenter update(Integer id, String name, String location) {
        Datacenter dc = get(id);
        requireUniqueName(name, id);
        dc.setName(name);
        dc.setLocation(location);
        return dc;
    }

    public void delete(Integer id) {
        Datacenter dc = Entities.lock(em, Datacenter.class, id, ApiError.DATACENTER_NOT_FOUND);
        long racks = em.createQuery("select count(r) from Rack r where r.datacenter = :dc", Long.class)
                .setParameter("dc", dc).getSingleResult();
        if (racks > 0) {
            throw ApiException.of(ApiError.DATACENTER_HAS_RACKS);
        }
        for (String entity : List.of("RemoteService", "NetworkServiceType")) {
            em.createQuery("delete from " + entity + " e where e.datacenter = :dc").setParameter("dc", dc)
                    .executeUpdate();
        }
        em.createNativeQuery("delete from enterprise_limit where datacenter_id = ?").setParameter(1, id)
                .executeUpdate();
        em.remove(dc);
    }

    public List<NetworkServiceType> networkServiceTypes(Integer datacenterId) {
        Datacenter dc = get(datacenterId);
        return em.createQuery("select n from NetworkServiceType n where n.datacenter = :dc order by n.id",
                NetworkServiceType.class).setParameter("dc", dc).getResultList();
    }

    public NetworkServiceType networkServiceType(Integer datacenterId, Integer id) {
        return Entities.findChild(em, NetworkServiceType.class, id, n -> n.getDatacenter().getId(), datacenterId,
                ApiError.NETWORK_SERVICE_TYPE_NOT_FOUND);
    }

    /** Hypervisor types of the datacenter's machines: what its virtual datacenters may use. */
    public List<HypervisorType> hypervisorTypes(Integer datacenterId) {
        get(datacenterId);
        return em.createQuery("select distinct m.hypervisorType from Machine m where m.datacenter.id = :dc",
                HypervisorType.class).setParameter("dc", datacenterId).getResultList().stream().sorted().toList();
    }

    private void requireUniqueName(String name, Integer except) {
        List<Integer> same = em.createQuery("select d.id from Datacenter d where d.name = :name", Integer.class)
                .setParameter("name", name).getResultList();
        if (same.stream().anyMatch(id -> !id.equals(except))) {
            throw ApiException.of(ApiError.DATACENTER_DUPLICATED_NAME, name);
        }
    }
}
