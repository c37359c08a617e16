package com.abiquo.cloud;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Virtual machines: created NOT_ALLOCATED from a template of the virtual datacenter's enterprise
 * and datacenter (compatible with its hypervisor type), with an IP of the default network;
 * reconfigured and deleted synchronously while not deployed (the deploy pipeline does the rest).
 */
@Stateless
public class VirtualMachineService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_CHARS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** A creation or reconfiguration; null hardware values keep (or take from the template) theirs. */
    public record Spec(String label, String description, Integer cpu, Integer ram, Long hdInBytes, Integer coresPerSocket,
            boolean force) {
    }

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CloudAccess access;

    @EJB
    private LimitChecker limits;

    @EJB
    private PrivateNetworkService networks;

    public Page<VirtualMachine> list(Integer vdcId, Integer vappId, PageRequest request) {
        VirtualAppliance vapp = access.vapp(vdcId, vappId);
        return PagedQuery.of(em, VirtualMachine.class).where((cb, m) -> cb.equal(m.get("virtualAppliance"), vapp))
                .searchable("label", "name").sortable("label", "name").fetch(request);
    }

    /** Every machine of the virtual datacenter. */
    public Page<VirtualMachine> listInVdc(Integer vdcId, PageRequest request) {
        VirtualDatacenter vdc = access.vdc(vdcId);
        return PagedQuery.of(em, VirtualMachine.class)
                .where((cb, m) -> cb.equal(m.get("virtualAppliance").get("virtualDatacenter"), vdc))
                .searchable("label", "name").sortable("label", "name").fetch(request);
    }

    /** Every machine the caller may see; {@code label} filters on the exact label. */
    public Page<VirtualMachine> listVisible(String label, PageRequest request) {
        PagedQuery<VirtualMachine> q = access.visible(PagedQuery.of(em, VirtualMachine.class),
                "virtualAppliance.virtualDatacenter").searchable("label", "name").sortable("label", "name");
        if (label != null && !label.isBlank()) {
            q.where((cb, m) -> cb.equal(m.get("label"), label.trim()));
        }
        return q.fetch(request);
    }

    /** Whether the machine exists at all (whoever's it is). */
    public boolean exists(Integer id) {
        return em.find(VirtualMachine.class, id) != null;
    }

    public VirtualMachine get(Integer vdcId, Integer vappId, Integer id) {
        return access.vm(vdcId, vappId, id);
    }

    public VirtualMachine create(Integer vdcId, Integer vappId, int[] templateLink, Spec spec) {
        VirtualAppliance vapp = access.vapp(vdcId, vappId);
        VirtualDatacenter vdc = vapp.getVirtualDatacenter();
        VirtualMachineTemplate t = usableTemplate(vdc, templateLink);
        VirtualMachine vm = new VirtualMachine(vapp, t, UUID.randomUUID().toString(), password());
        vm.setLabel(spec.label() != null && !spec.label().isBlank() ? spec.label().trim() : t.getName());
        vm.setDescription(spec.description());
        vm.setCpu(positive("cpu", spec.cpu(), t.getCpuRequired()));
        vm.setRam(positive("ram", spec.ram(), t.getRamRequired()));
        vm.setHd(spec.hdInBytes() != null ? positiveLong("hdInBytes", spec.hdInBytes()) : t.getHdRequired());
        vm.setCoresPerSocket(positive("coresPerSocket", spec.coresPerSocket(), 1));
        if (vm.getCpu() % vm.getCoresPerSocket() != 0) {
            throw ApiException.of(ApiError.VM_INVALID, "cpu must be a multiple of coresPerSocket");
        }
        limits.check(vdc, new LimitChecker.Usage(1, vm.getCpu(), vm.getRam(), vm.getHd() / (1024 * 1024), 0),
                spec.force());
        em.persist(vm);
        if (vdc.getDefaultNetwork() != null) {
            networks.allocate(vdc.getDefaultNetwork(), vm);
        }
        return vm;
    }

    /** Reconfigure: allowed while not deployed (NOT_ALLOCATED, ALLOCATED, OFF); limits checked on what grows. */
    public VirtualMachine update(Integer vdcId, Integer vappId, Integer id, Spec spec) {
        VirtualMachine vm = access.vm(vdcId, vappId, id);
        access.lockScope(vm.getVirtualAppliance().getVirtualDatacenter()); // enterprise, VDC, then the VM
        em.refresh(vm, LockModeType.PESSIMISTIC_WRITE);
        if (vm.getState() == VirtualMachineState.LOCKED) {
            throw ApiException.of(ApiError.VM_LOCKED);
        }
        if (vm.getState() != VirtualMachineState.NOT_ALLOCATED) {
            throw ApiException.of(ApiError.VM_RECONFIGURE_STATE, vm.getState().name());
        }
        int cpu = positive("cpu", spec.cpu(), vm.getCpu());
        int ram = positive("ram", spec.ram(), vm.getRam());
        int cores = positive("coresPerSocket", spec.coresPerSocket(), vm.getCoresPerSocket());
        if (cpu % cores != 0) {
            throw ApiException.of(ApiError.VM_INVALID, "cpu must be a multiple of coresPerSocket");
        }
        limits.check(vm.getVirtualAppliance().getVirtualDatacenter(),
                new LimitChecker.Usage(0, cpu - vm.getCpu(), ram - vm.getRam(), 0, 0), spec.force());
        vm.setCpu(cpu);
        vm.setRam(ram);
        vm.setCoresPerSocket(cores);
        if (spec.label() != null && !spec.label().isBlank()) {
            vm.setLabel(spec.label().trim());
        }
        if (spec.description() != null) {
            vm.setDescription(spec.description());
        }
        return vm;
    }

    /** Deletes a machine that is not on a hypervisor (NOT_ALLOCATED or UNKNOWN), with its IPs. */
    public VirtualMachine delete(Integer vdcId, Integer vappId, Integer id) {
        VirtualMachine vm = access.vm(vdcId, vappId, id);
        em.lock(vm, LockModeType.PESSIMISTIC_WRITE);
        if (vm.getState() == VirtualMachineState.LOCKED) {
            throw ApiException.of(ApiError.VM_LOCKED);
        }
        if (vm.getState() != VirtualMachineState.NOT_ALLOCATED && vm.getState() != VirtualMachineState.UNKNOWN) {
            throw ApiException.of(ApiError.VM_INVALID_STATE_DELETE);
        }
        purge(vm);
        return vm;
    }

    /** The machine's tags, by key. */
    public List<VirtualMachineTag> tags(Integer vdcId, Integer vappId, Integer id) {
        return tagsOf(access.vm(vdcId, vappId, id));
    }

    /**
     * Replaces the machine's tags with {@code wanted} (key to value; empty clears them). Keys are
     * trimmed, non-empty, at most {@value VirtualMachineTag#MAX_KEY} characters and unique; values
     * at most {@value VirtualMachineTag#MAX_VALUE} (null is empty). Anything invalid changes nothing.
     */
    public List<VirtualMachineTag> replaceTags(Integer vdcId, Integer vappId, Integer id, List<String[]> wanted) {
        VirtualMachine vm = access.vm(vdcId, vappId, id);
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String[] kv : wanted) {
            String key = kv[0] == null ? "" : kv[0].trim();
            String value = kv[1] == null ? "" : kv[1];
            if (key.isEmpty() || key.length() > VirtualMachineTag.MAX_KEY) {
                throw ApiException.of(ApiError.TAG_INVALID, "a key must have 1 to " + VirtualMachineTag.MAX_KEY
                        + " characters");
            }
            if (value.length() > VirtualMachineTag.MAX_VALUE) {
                throw ApiException.of(ApiError.TAG_INVALID, "the value of '" + key + "' is longer than "
                        + VirtualMachineTag.MAX_VALUE + " characters");
            }
            if (byKey.put(key, value) != null) {
                throw ApiException.of(ApiError.TAG_INVALID, "the key '" + key + "' is repeated");
            }
        }
        em.refresh(vm, LockModeType.PESSIMISTIC_WRITE); // two replacements of one VM's tags serialize
        em.createQuery("delete from VirtualMachineTag t where t.virtualMachine = :vm").setParameter("vm", vm)
                .executeUpdate();
        byKey.forEach((k, v) -> em.persist(new VirtualMachineTag(vm, k, v)));
        em.flush();
        return tagsOf(vm);
    }

    private List<VirtualMachineTag> tagsOf(VirtualMachine vm) {
        return em.createQuery("select t from VirtualMachineTag t where t.virtualMachine = :vm order by t.key",
                VirtualMachineTag.class).setParameter("vm", vm).getResultList();
    }

    /** Removes the machine and its IPs, whoever asks (the leader, once a deployed VM was undeployed for deletion). */
    public void purge(VirtualMachine vm) {
        em.createQuery("delete from IpAddress i where i.virtualMachine = :vm").setParameter("vm", vm).executeUpdate();
        em.createQuery("delete from VirtualMachineTag t where t.virtualMachine = :vm").setParameter("vm", vm)
                .executeUpdate();
        em.remove(vm);
    }

    private VirtualMachineTemplate usableTemplate(VirtualDatacenter vdc, int[] link) {
        // link = {enterprise, datacenter repository, template}
        VirtualMachineTemplate t = Entities.find(em, VirtualMachineTemplate.class, link[2], ApiError.TEMPLATE_NOT_FOUND);
        if (link[0] != t.getEnterprise().getId() || link[1] != t.getDatacenter().getId()
                || !t.getEnterprise().getId().equals(vdc.getEnterprise().getId())) {
            throw ApiException.of(ApiError.TEMPLATE_NOT_FOUND);
        }
        if (!t.getDatacenter().getId().equals(vdc.getDatacenter().getId())) {
            throw ApiException.of(ApiError.TEMPLATE_NOT_COMPATIBLE, "it is in another datacenter");
        }
        if (!vdc.getHypervisorType().compatibleFormats().contains(t.getDiskFormat())) {
            throw ApiException.of(ApiError.TEMPLATE_NOT_COMPATIBLE, "its disk format " + t.getDiskFormat()
                    + " cannot run on " + vdc.getHypervisorType().name());
        }
        return t;
    }

    private static int positive(String field, Integer value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value <= 0) {
            throw ApiException.of(ApiError.VM_INVALID, field + " must be positive");
        }
        return value;
    }

    private static long positiveLong(String field, long value) {
        if (value <= 0) {
            throw ApiException.of(ApiError.VM_INVALID, field + " must be positive");
        }
        return value;
    }

    private static String password() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
        }
        return sb.toString();
    }
}
