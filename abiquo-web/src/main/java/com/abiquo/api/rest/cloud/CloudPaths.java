package com.abiquo.api.rest.cloud;

import com.abiquo.cloud.PrivateNetwork;
import com.abiquo.cloud.VirtualAppliance;
import com.abiquo.cloud.VirtualDatacenter;
import com.abiquo.cloud.VirtualMachine;
import com.abiquo.cloud.VirtualMachineTemplate;

/** The paths (under /api) of cloud resources, written once for links and input links. */
final class CloudPaths {

    static final String VDC_TEMPLATE = "cloud/virtualdatacenters/{vdc}";
    static final String TEMPLATE_TEMPLATE =
            "admin/enterprises/{e}/datacenterrepositories/{dc}/virtualmachinetemplates/{t}";

    private CloudPaths() {
    }

    static String vdc(VirtualDatacenter vdc) {
        return "cloud/virtualdatacenters/" + vdc.getId();
    }

    static String network(PrivateNetwork n) {
        return vdc(n.getVirtualDatacenter()) + "/privatenetworks/" + n.getId();
    }

    static String vapp(VirtualAppliance va) {
        return vdc(va.getVirtualDatacenter()) + "/virtualappliances/" + va.getId();
    }

    /** A VM task's status path, from the ids of the request (no entity needed: the VM may be gone). */
    static String task(int vdc, int vapp, int vm, String taskId) {
        return "cloud/virtualdatacenters/" + vdc + "/virtualappliances/" + vapp + "/virtualmachines/" + vm + "/tasks/"
                + taskId;
    }

    static String vm(VirtualMachine vm) {
        return vapp(vm.getVirtualAppliance()) + "/virtualmachines/" + vm.getId();
    }

    static String repository(Integer enterpriseId, Integer datacenterId) {
        return "admin/enterprises/" + enterpriseId + "/datacenterrepositories/" + datacenterId;
    }

    static String template(VirtualMachineTemplate t) {
        return repository(t.getEnterprise().getId(), t.getDatacenter().getId()) + "/virtualmachinetemplates/" + t.getId();
    }
}
