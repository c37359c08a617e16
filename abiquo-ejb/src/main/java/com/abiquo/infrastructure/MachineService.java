package com.abiquo.infrastructure;

import static com.abiquo.infrastructure.Updates.ifGiven;

import java.util.List;
import java.util.Locale;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.infrastructure.MachineSpec.DatastoreSpec;
import com.abiquo.infrastructure.MachineSpec.NicSpec;
import com.abiquo.persistence.Entities;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;
import com.abiquo.startup.ApiNode;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Physical machines of a rack: one IP per datacenter, consistent capacity (used never above
 * total), hypervisor password kept encrypted. Machines are returned with their datastores and
 * NICs loaded, for the representation.
 */
@Stateless
public class MachineService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private RackService racks;

    @EJB
    private DatacenterService datacenters;

    @EJB
    private ApiNode node;

    private HypervisorCredentials credentials;

    @PostConstruct
    void init() {
        credentials = new HypervisorCredentials(node.hypervisorCredentialsKey());
    }

    public Page<Machine> list(Integer datacenterId, Integer rackId, PageRequest request) {
        Rack rack = racks.get(datacenterId, rackId);
        Page<Machine> page = PagedQuery.of(em, Machine.class).where((cb, m) -> cb.equal(m.get("rack"), rack))
                .searchable("name", "ip", "description").sortable("name", "ip").fetch(request);
        page.items().forEach(MachineService::loaded);
        return page;
    }

    /** The machine; 404 under another rack or datacenter. */
    public Machine get(Integer datacenterId, Integer rackId, Integer machineId) {
        racks.get(datacenterId, rackId);
        return loaded(Entities.findChild(em, Machine.class, machineId, m -> m.getRack().getId(), rackId,
                ApiError.MACHINE_NOT_FOUND));
    }

    public Datastore datastore(Integer datacenterId, Integer rackId, Integer machineId, Integer datastoreId) {
        Machine machine = get(datacenterId, rackId, machineId);
        return Entities.findChild(em, Datastore.class, datastoreId, d -> d.getMachine().getId(), machine.getId(),
                ApiError.DATASTORE_NOT_FOUND);
    }

    public Machine create(Integer datacenterId, Integer rackId, MachineSpec spec) {
        Rack rack = racks.lock(datacenterId, rackId);
        HypervisorType type = hypervisorType(spec.type());
        Machine machine = new Machine(rack, spec.name());
        machine.setHypervisorType(type);
        machine.setPort(type.defaultPort());
        machine.setIpService(spec.ip());
        apply(machine, spec);
        for (DatastoreSpec d : nonNull(spec.datastores())) {
            machine.addDatastore(newDatastore(d));
        }
        for (NicSpec n : nonNull(spec.networkInterfaces())) {
            NetworkServiceType nst = n.networkServiceTypeId() == null ? null
                    : datacenters.networkServiceType(datacenterId, n.networkServiceTypeId());
            machine.addNetworkInterface(new NetworkInterface(n.name(), n.mac(), nst));
        }
        validate(machine);
        em.persist(machine);
        return machine;
    }

    public Machine update(Integer datacenterId, Integer rackId, Integer machineId, MachineSpec spec) {
        Machine machine = get(datacenterId, rackId, machineId);
        if (spec.type() != null && hypervisorType(spec.type()) != machine.getHypervisorType()) {
            throw ApiException.of(ApiError.MACHINE_INVALID, "the hypervisor type of a machine cannot change");
        }
        apply(machine, spec);
        if (spec.state() != null) {
            machine.setState(state(spec.state()));
        }
        for (DatastoreSpec d : nonNull(spec.datastores())) {
            if (d.id() == null) {
                machine.addDatastore(newDatastore(d));
                continue;
            }
            Datastore existing = machine.getDatastores().stream().filter(x -> x.getId().equals(d.id())).findFirst()
                    .orElseThrow(() -> ApiException.of(ApiError.MACHINE_INVALID, "the machine has no datastore " + d.id()));
            applyDatastore(existing, d);
        }
        validate(machine);
        return machine;
    }

    public void delete(Integer datacenterId, Integer rackId, Integer machineId) {
        em.remove(get(datacenterId, rackId, machineId));
    }

    private void apply(Machine m, MachineSpec spec) {
        m.setName(spec.name());
        m.setDescription(spec.description());
        if (spec.ip() != null) {
            requireUniqueIp(m, spec.ip());
            m.setIp(spec.ip());
        }
        ifGiven(spec.ipService(), m::setIpService);
        ifGiven(spec.port(), m::setPort);
        ifGiven(spec.user(), m::setHypervisorUser);
        if (spec.password() != null) {
            m.setHypervisorSecret(credentials.encrypt(spec.password()));
        }
        ifGiven(spec.virtualCpuCores(), m::setVirtualCpuCores);
        ifGiven(spec.virtualRamInMb(), m::setVirtualRamInMb);
        if (m.getId() == null) { // what discovery found in use; later the scheduler's reservations keep it
            ifGiven(spec.virtualCpusUsed(), m::setVirtualCpusUsed);
            ifGiven(spec.virtualRamUsedInMb(), m::setVirtualRamUsedInMb);
        }
        ifGiven(spec.initiatorIqn(), m::setInitiatorIqn);
    }

    private static Datastore newDatastore(DatastoreSpec d) {
        Datastore datastore = new Datastore(d.name(), d.rootPath());
        applyDatastore(datastore, d);
        return datastore;
    }

    private static void applyDatastore(Datastore datastore, DatastoreSpec d) {
        ifGiven(d.name(), datastore::setName);
        ifGiven(d.rootPath(), datastore::setRootPath);
        ifGiven(d.directory(), datastore::setDirectory);
        ifGiven(d.datastoreUuid(), datastore::setDatastoreUuid);
        ifGiven(d.enabled(), datastore::setEnabled);
        ifGiven(d.size(), datastore::setSize);
        if (datastore.getId() == null) {
            ifGiven(d.usedSize(), datastore::setUsedSize);
        }
    }

    /** What no single field can say: the used part of a resource within its total. */
    private static void validate(Machine m) {
        if (m.getVirtualCpuCores() < 1 || m.getVirtualRamInMb() < 1) {
            throw ApiException.of(ApiError.MACHINE_INVALID, "virtualCpuCores and virtualRamInMb must be at least 1");
        }
        if (m.getVirtualCpusUsed() > m.getVirtualCpuCores()) {
            throw ApiException.of(ApiError.MACHINE_INVALID, "virtualCpusUsed is above virtualCpuCores");
        }
        if (m.getVirtualRamUsedInMb() > m.getVirtualRamInMb()) {
            throw ApiException.of(ApiError.MACHINE_INVALID, "virtualRamUsedInMb is above virtualRamInMb");
        }
        for (Datastore d : m.getDatastores()) {
            if (d.getName() == null || d.getRootPath() == null) {
                throw ApiException.of(ApiError.MACHINE_INVALID, "a datastore needs a name and a rootPath");
            }
            if (d.getUsedSize() > d.getSize()) {
                throw ApiException.of(ApiError.MACHINE_INVALID, "the usedSize of datastore '" + d.getName()
                        + "' is above its size");
            }
        }
    }

    private void requireUniqueIp(Machine m, String ip) {
        List<Integer> same = em.createQuery("select m.id from Machine m where m.datacenter = :dc and m.ip = :ip",
                Integer.class).setParameter("dc", m.getDatacenter()).setParameter("ip", ip).getResultList();
        if (same.stream().anyMatch(id -> !id.equals(m.getId()))) {
            throw ApiException.of(ApiError.MACHINE_DUPLICATED_IP, ip);
        }
    }

    private static HypervisorType hypervisorType(String name) {
        return HypervisorType.byName(name).orElseThrow(() -> ApiException.of(ApiError.HYPERVISOR_TYPE_NOT_FOUND, name));
    }

    private static MachineState state(String name) {
        try {
            return MachineState.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.of(ApiError.MACHINE_INVALID, "unknown state '" + name + "'");
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Loads what the representation shows while the persistence context is open. */
    private static Machine loaded(Machine m) {
        m.getDatastores().size();
        m.getNetworkInterfaces().stream().map(NetworkInterface::getNetworkServiceType).filter(t -> t != null)
                .forEach(NetworkServiceType::getName);
        return m;
    }
}
