package com.abiquo.cloud;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

/**
 * Private networks of a virtual datacenter and the IPs they hand out. An IP is taken with the
 * network row locked (PESSIMISTIC_WRITE) and stored under a unique key (network, ip): concurrent
 * creations queue on the lock, and even a bypass of it could not commit a second holder.
 */
@Stateless
public class PrivateNetworkService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CloudAccess access;

    @EJB
    private LimitChecker limits;

    public Page<PrivateNetwork> list(Integer vdcId, PageRequest request) {
        VirtualDatacenter vdc = access.vdc(vdcId);
        return PagedQuery.of(em, PrivateNetwork.class).where((cb, n) -> cb.equal(n.get("virtualDatacenter"), vdc))
                .searchable("name", "address").sortable("name", "address").fetch(request);
    }

    public PrivateNetwork get(Integer vdcId, Integer id) {
        VirtualDatacenter vdc = access.vdc(vdcId);
        return Entities.findChild(em, PrivateNetwork.class, id, n -> n.getVirtualDatacenter().getId(), vdc.getId(),
                ApiError.NETWORK_NOT_FOUND);
    }

    public PrivateNetwork create(Integer vdcId, NetworkSpec spec, boolean force) {
        VirtualDatacenter vdc = access.lockedVdc(vdcId);
        spec.validate();
        requireUniqueName(vdc, spec.name(), null);
        limits.check(vdc, new LimitChecker.Usage(0, 0, 0, 0, 1), force);
        PrivateNetwork n = new PrivateNetwork(vdc, spec);
        em.persist(n);
        return n;
    }

    /**
     * Changes name, gateway and DNS at any time; address and mask only while no IP of the network
     * is in use (409 NETWORK-4), and never to a gateway that is a VM's IP. Nulls keep the value.
     */
    public PrivateNetwork update(Integer vdcId, Integer id, VirtualDatacenterService.NetworkInput changes) {
        VirtualDatacenter vdc = access.lockedVdc(vdcId); // enterprise, VDC, then the network (as IPs are taken)
        PrivateNetwork n = get(vdcId, id);
        em.refresh(n, LockModeType.PESSIMISTIC_WRITE);
        NetworkSpec spec = n.with(changes);
        spec.validate();
        requireUniqueName(vdc, spec.name(), n.getId());
        Set<String> used = new HashSet<>(usedIps(n));
        if (!used.isEmpty() && (!spec.address().equals(n.getAddress()) || spec.mask() != n.getMask())) {
            throw ApiException.of(ApiError.NETWORK_ADDRESS_IN_USE, used.size()
                    + " of them; its address and mask cannot change until they are released");
        }
        if (used.contains(spec.gateway())) {
            throw ApiException.of(ApiError.NETWORK_ADDRESS_IN_USE, "the gateway " + spec.gateway()
                    + " is the IP of a virtual machine");
        }
        n.apply(spec);
        return n;
    }

    private void requireUniqueName(VirtualDatacenter vdc, String name, Integer except) {
        List<Integer> same = em.createQuery("select n.id from PrivateNetwork n where n.virtualDatacenter = :vdc "
                + "and n.name = :name", Integer.class).setParameter("vdc", vdc).setParameter("name", name)
                .getResultList();
        if (same.stream().anyMatch(i -> !i.equals(except))) {
            throw ApiException.of(ApiError.NETWORK_DUPLICATED_NAME, name);
        }
    }

    private List<String> usedIps(PrivateNetwork n) {
        return em.createQuery("select i.ip from IpAddress i where i.network = :n", String.class).setParameter("n", n)
                .getResultList();
    }

    public void delete(Integer vdcId, Integer id) {
        PrivateNetwork n = get(vdcId, id);
        em.lock(n, LockModeType.PESSIMISTIC_WRITE);
        long used = em.createQuery("select count(i) from IpAddress i where i.network = :n", Long.class)
                .setParameter("n", n).getSingleResult();
        if (used > 0 || n.equals(n.getVirtualDatacenter().getDefaultNetwork())) {
            throw ApiException.of(ApiError.NETWORK_IN_USE);
        }
        em.remove(n);
    }

    public Page<IpAddress> ips(Integer vdcId, Integer networkId, PageRequest request) {
        PrivateNetwork n = get(vdcId, networkId);
        return PagedQuery.of(em, IpAddress.class).where((cb, i) -> cb.equal(i.get("network"), n))
                .searchable("ip", "mac").sortable("ip").fetch(request);
    }

    public IpAddress ip(Integer vdcId, Integer networkId, Integer id) {
        PrivateNetwork n = get(vdcId, networkId);
        return Entities.findChild(em, IpAddress.class, id, i -> i.getNetwork().getId(), n.getId(), ApiError.IP_NOT_FOUND);
    }

    /** The lowest free host address of the network (not the gateway), taken for the VM. */
    public IpAddress allocate(PrivateNetwork network, VirtualMachine vm) {
        PrivateNetwork locked = em.find(PrivateNetwork.class, network.getId(), LockModeType.PESSIMISTIC_WRITE);
        Set<String> used = new HashSet<>(usedIps(locked));
        long net = Ipv4.parse(locked.getAddress(), "address");
        long gateway = Ipv4.parse(locked.getGateway(), "gateway");
        long broadcast = Ipv4.broadcast(net, locked.getMask());
        for (long candidate = net + 1; candidate < broadcast; candidate++) {
            String ip = Ipv4.format(candidate);
            if (candidate != gateway && !used.contains(ip)) {
                IpAddress address = new IpAddress(locked, ip, mac(candidate, locked.getId()), vm);
                em.persist(address);
                em.flush();
                return address;
            }
        }
        throw ApiException.of(ApiError.IP_EXHAUSTED, locked.getName());
    }

    public List<IpAddress> ipsOf(VirtualMachine vm) {
        return em.createQuery("select i from IpAddress i where i.virtualMachine = :vm order by i.id", IpAddress.class)
                .setParameter("vm", vm).getResultList();
    }

    /** A locally administered MAC derived from network and address (stable, unique per network). */
    private static String mac(long ip, int networkId) {
        return String.format("02:%02x:%02x:%02x:%02x:%02x", networkId >> 8 & 0xff, networkId & 0xff, ip >> 16 & 0xff,
                ip >> 8 & 0xff, ip & 0xff);
    }
}
