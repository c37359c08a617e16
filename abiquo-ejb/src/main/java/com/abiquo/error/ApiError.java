package com.abiquo.error;

/**
 * Every error a client can get, with Abiquo's codes ({@code PREFIX-N}) and the HTTP status that
 * goes with it. Messages may hold {@code %s} placeholders filled by {@link ApiException#of}.
 */
public enum ApiError {
    // Protocol and generic
    MALFORMED_URI(400, "GEN-0", "Malformed URI"),
    INVALID_ID(400, "GEN-1", "Identifier cannot be 0 or negative"),
    INVALID_DOCUMENT(400, "GEN-3", "Invalid document: %s"),
    NOT_ENOUGH_PERMISSIONS(403, "GEN-4", "Not enough permissions to perform this action"),
    INVALID_CREDENTIALS(401, "GEN-5", "Invalid credentials"),
    INVALID_LINK(400, "GEN-6", "Invalid link: %s"),
    MISSING_LINK(400, "GEN-7", "Missing link with rel '%s'"),
    EMPTY_BODY(400, "GEN-8", "The request needs a body"),
    TOO_MANY_LOGIN_ATTEMPTS(429, "GEN-9", "Too many failed login attempts; try again in %s seconds"),
    AUTHENTICATION_REQUIRED(401, "401-UNAUTHORIZED", "Authentication is required"),
    NOT_FOUND(404, "404-NOT FOUND", "The requested resource does not exist"),
    METHOD_NOT_ALLOWED(405, "405-METHOD NOT ALLOWED", "The method is not allowed on this resource"),
    NOT_ACCEPTABLE(406, "406-NOT ACCEPTABLE", "%s"),
    UNSUPPORTED_MEDIA_TYPE(415, "415-UNSUPPORTED MEDIA TYPE", "%s"),
    CONFLICT(409, "409-CONFLICT", "%s"),
    INTERNAL_SERVER_ERROR(500, "500-INTERNAL SERVER ERROR", "Unexpected error (reference %s)"),
    SERVICE_UNAVAILABLE(503, "503-SERVICE UNAVAILABLE", "%s is not available; try again later"),
    QUERY_INVALID_BY(400, "QUERY-0", "Invalid 'by' parameter: %s; valid values are %s"),
    QUERY_INVALID_PARAMETER(400, "QUERY-1", "Invalid query parameter '%s': %s"),

    // Infrastructure
    DATACENTER_NOT_FOUND(404, "DC-0", "The requested datacenter does not exist"),
    DATACENTER_DUPLICATED_NAME(409, "DC-3", "There is already a datacenter with the name '%s'"),
    DATACENTER_HAS_RACKS(409, "DC-4", "The datacenter still has racks; delete them first"),
    DATACENTER_IN_USE(409, "DC-5", "The datacenter is still in use: %s"),
    RACK_NOT_FOUND(404, "RACK-0", "The requested rack does not exist"),
    RACK_DUPLICATED_NAME(409, "RACK-3", "There is already a rack with the name '%s' in this datacenter"),
    RACK_HAS_MACHINES(409, "RACK-4", "The rack still has machines; delete them first"),
    RACK_INVALID_VLANS(400, "RACK-5", "Invalid VLAN range: %s"),
    MACHINE_NOT_FOUND(404, "MACHINE-0", "The requested machine does not exist"),
    MACHINE_DUPLICATED_IP(409, "MACHINE-2", "There is already a machine with the IP '%s' in this datacenter"),
    MACHINE_INVALID(400, "MACHINE-3", "Invalid machine: %s"),
    HYPERVISOR_TYPE_NOT_FOUND(404, "HYPERVISOR-0", "The hypervisor type '%s' does not exist"),
    NETWORK_SERVICE_TYPE_NOT_FOUND(404, "NST-0", "The requested network service type does not exist"),
    REMOTE_SERVICE_NOT_FOUND(404, "RS-0", "The requested remote service does not exist"),
    REMOTE_SERVICE_DUPLICATED(409, "RS-1", "%s"),
    REMOTE_SERVICE_UNREACHABLE(409, "RS-2", "The remote service at %s did not answer its check: %s"),
    REMOTE_SERVICE_WRONG_DATACENTER(409, "RS-3",
            "The remote service belongs to datacenter '%s' but this datacenter is '%s'"),
    REMOTE_SERVICE_INVALID_TYPE(400, "RS-4", "Unknown remote service type '%s'"),
    REMOTE_SERVICE_INVALID_URI(400, "RS-5", "Invalid remote service URI '%s'"),
    DISCOVERY_INVALID(400, "NC-1", "Invalid discovery: %s"),
    DISCOVERY_NO_NODE_COLLECTOR(409, "NC-2", "The datacenter has no NODE_COLLECTOR remote service to discover machines with"),
    DISCOVERY_FAILED(409, "NC-3", "The machine could not be discovered: %s"),
    DATASTORE_NOT_FOUND(404, "DATASTORE-0", "The requested datastore does not exist"),

    // Tenancy
    ENTERPRISE_NOT_FOUND(404, "EN-0", "The requested enterprise does not exist"),
    ENTERPRISE_DUPLICATED_NAME(409, "EN-1", "There is already an enterprise with the name '%s'"),
    ENTERPRISE_IN_USE(409, "EN-2", "The enterprise cannot be deleted: %s"),
    LIMIT_EXCEEDED(409, "LIMIT-0", "The required resources exceed the allowed limits: %s"),
    LIMIT_NOT_FOUND(404, "LIMIT-1", "The requested limit does not exist"),
    LIMIT_DUPLICATED(409, "LIMIT-2", "The enterprise already has a limit for datacenter '%s'"),
    LIMIT_SOFT_ABOVE_HARD(400, "LIMIT-3", "The soft limit of %s is above its hard limit"),
    PROPERTY_NOT_FOUND(404, "PROPERTY-0", "The property '%s' does not exist"),
    USER_NOT_FOUND(404, "USER-3", "The requested user does not exist"),
    USER_DUPLICATED_NICK(409, "USER-4", "There is already a user with the nick '%s'"),
    USER_DELETE_SELF(409, "USER-5", "A user cannot delete themselves"),
    USER_WEAK_PASSWORD(400, "USER-6", "%s"),
    USER_INVALID_AVAILABLE_VDCS(400, "USER-7", "Invalid availableVirtualDatacenters '%s': a comma-separated list of virtual datacenter ids"),
    ROLE_NOT_FOUND(404, "ROLE-0", "The requested role does not exist"),
    ROLE_DUPLICATED_NAME(409, "ROLE-1", "There is already a role with the name '%s'"),
    ROLE_IN_USE(409, "ROLE-2", "The role is assigned to users and cannot be deleted"),
    ROLE_ESCALATION(403, "ROLE-3", "A user cannot give privileges that they do not have: %s"),
    ROLE_BLOCKED(409, "ROLE-4", "The role is blocked and cannot be changed"),
    PRIVILEGE_NOT_FOUND(404, "PRIVILEGE-0", "The requested privilege does not exist"),
    SCOPE_NOT_FOUND(404, "SCOPE-0", "The requested scope does not exist"),
    SCOPE_DUPLICATED_NAME(409, "SCOPE-1", "There is already a scope with the name '%s'"),
    SCOPE_IN_USE(409, "SCOPE-2", "The scope is in use and cannot be deleted"),

    // Rules (allocation rules and reserved machines)
    RULE_NOT_FOUND(404, "RULE-0", "The requested rule does not exist"),
    RULE_DUPLICATED(409, "RULE-1", "%s"),
    RULE_INVALID_LOAD_PERCENTAGE(400, "RULE-2",
            "cpuLoadPercentage and ramLoadPercentage are required, from 0 to 2147483647 (got %s and %s)"),
    RULE_INVALID_SCOPE(400, "RULE-3", "%s"),
    RULE_SAME_ENTERPRISE(400, "RULE-4", "An enterprise exclusion rule needs two different enterprises"),
    RULE_INVALID_FIT_POLICY(400, "RULE-5", "Invalid fitPolicy '%s'; valid values are PROGRESSIVE and PERFORMANCE"),
    MACHINE_RESERVED_BY_OTHER(409, "RULE-6", "The machine is already reserved by another enterprise"),
    MACHINE_NOT_RESERVED(404, "RULE-7", "The machine is not reserved by this enterprise"),


    // Cloud
    VDC_NOT_FOUND(404, "VDC-0", "The requested virtual datacenter does not exist"),
    VDC_DUPLICATED_NAME(409, "VDC-1", "The enterprise already has a virtual datacenter named '%s'"),
    VDC_HYPERVISOR_NOT_AVAILABLE(409, "VDC-2", "The hypervisor type '%s' is not available in the datacenter"),
    VDC_DATACENTER_NOT_ALLOWED(409, "VDC-3", "The enterprise has no limit in datacenter '%s' and cannot use it"),
    VDC_HAS_DEPLOYED_VMS(409, "VDC-4", "The virtual datacenter has deployed virtual machines; undeploy them first"),
    VDC_INVALID_HYPERVISOR(400, "VDC-5", "Invalid hypervisor type '%s'"),
    VAPP_NOT_FOUND(404, "VAPP-0", "The requested virtual appliance does not exist"),
    VAPP_HAS_DEPLOYED_VMS(409, "VAPP-1", "The virtual appliance has deployed virtual machines; undeploy them first"),
    VM_NOT_FOUND(404, "VM-1", "The requested virtual machine does not exist"),
    VM_LOCKED(409, "VM-2", "The virtual machine is already locked by another operation"),
    VM_NOT_DEPLOYED(409, "VM-3", "The virtual machine is not deployed"),
    VM_STATE_CHANGE(409, "VM-4", "The virtual machine cannot change from %s to %s"),
    VM_DEPLOY_STATE(409, "VM-7", "The allowed state for deploying Virtual Machines is NOT_ALLOCATED"),
    VM_INVALID_STATE_DELETE(409, "VM-8", "Only NOT_ALLOCATED or UNKNOWN virtual machines can be deleted now"),
    VM_UNDEPLOY_STATE(409, "VM-12", "The allowed states for undeploying a virtual machine are ON, OFF, PAUSED, UNKNOWN and ALLOCATED"),
    VM_INVALID_TARGET_STATE(400, "VM-15", "Invalid virtual machine state '%s': one of ON, OFF or PAUSED"),
    VM_RESET_STATE(409, "VM-26", "Only a virtual machine that is ON can be reset"),
    VM_RECONFIGURE_STATE(409, "VM-13", "The virtual machine cannot be reconfigured in state %s"),
    VM_INVALID(400, "VM-14", "Invalid virtual machine: %s"),
    TEMPLATE_NOT_FOUND(404, "TEMPLATE-0", "The requested virtual machine template does not exist"),
    TEMPLATE_IN_USE(409, "TEMPLATE-1", "The template is used by virtual machines and cannot be deleted"),
    TEMPLATE_NOT_COMPATIBLE(409, "TEMPLATE-2", "The template cannot be used in this virtual datacenter: %s"),
    TEMPLATE_INVALID(400, "TEMPLATE-3", "Invalid template: %s"),
    TEMPLATE_REPOSITORY_UNREADABLE(409, "TEMPLATE-4", "The template repository could not be read: %s"),
    TEMPLATE_REPOSITORY_NOT_FOUND(404, "TEMPLATE-5", "The requested datacenter repository does not exist"),
    TEMPLATE_NO_APPLIANCE_MANAGER(409, "TEMPLATE-6",
            "The datacenter has no APPLIANCE_MANAGER remote service to read the repository from"),
    NETWORK_NOT_FOUND(404, "NETWORK-0", "The requested private network does not exist"),
    NETWORK_INVALID(400, "NETWORK-1", "Invalid network: %s"),
    NETWORK_DUPLICATED_NAME(409, "NETWORK-2", "The virtual datacenter already has a network named '%s'"),
    NETWORK_IN_USE(409, "NETWORK-3", "The network has IPs in use or is the default network of its virtual datacenter"),
    NETWORK_ADDRESS_IN_USE(409, "NETWORK-4", "The network has IPs in use: %s"),
    IP_NOT_FOUND(404, "IP-0", "The requested IP does not exist"),
    IP_EXHAUSTED(409, "IP-1", "The network '%s' has no free IP left"),
    TAG_INVALID(400, "TAG-0", "Invalid tags: %s"),
    TASK_NOT_FOUND(404, "TASK-1", "The requested task does not exist"),
    TASK_STORE_UNAVAILABLE(503, "TASK-2", "The task store (Redis) is not available; try again later"),
    TASK_NOT_CANCELLABLE(409, "TASK-3", "Only a task still QUEUEING can be cancelled; this one is %s"),
    DATACENTER_QUEUES_NOT_CONFIGURED(409, "DC-7", "Datacenter queues are not configured: add the datacenter's remote services first");

    private final int status;
    private final String code;
    private final String message;

    ApiError(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
