package com.abiquo.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The privilege catalogue, in Abiquo's style. Ids are stable forever (they are rows of
 * {@code privilege} and links {@code /config/privileges/{id}}): add new ones at the end.
 */
public enum Privilege {
    ENTERPRISE_ENUMERATE(1),
    ENTERPRISE_ADMINISTER_ALL(2),
    ENTERPRISE_PROPERTIES(3),
    ENTERPRISE_LIMITS_VIEW(4),
    PHYS_DC_ENUMERATE(5),
    PHYS_DC_RETRIEVE_DETAILS(6),
    PHYS_DC_MANAGE(7),
    PHYS_DC_RETRIEVE_RESOURCE_USAGE(8),
    USERS_VIEW(9),
    USERS_MANAGE_USERS(10),
    USERS_MANAGE_OTHER_ENTERPRISES(11),
    USERS_VIEW_PRIVILEGES(12),
    USERS_MANAGE_ROLES(13),
    USERS_MANAGE_SYSTEM_ROLES(14),
    USERS_MANAGE_SCOPES(15),
    VDC_ENUMERATE(16),
    VDC_MANAGE(17),
    VDC_MANAGE_VAPP(18),
    VDC_MANAGE_VM(19),
    VDC_MANAGE_NETWORK(20),
    APPLIB_VIEW(21),
    APPLIB_MANAGE_REPOSITORY(22),
    SYSCONFIG_VIEW(23),
    SYSCONFIG_ALLOW_MODIFY(24),
    RULES_MANAGE(25),
    CLUSTER_VIEW(26),
    TASKS_VIEW_ENTERPRISE(27);

    private final int id;

    Privilege(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public static Optional<Privilege> byId(int id) {
        for (Privilege p : values()) {
            if (p.id == id) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** What a tenant user works with: their virtual datacenters and the catalogue. */
    public static Set<Privilege> userDefaults() {
        return EnumSet.of(VDC_ENUMERATE, VDC_MANAGE_VAPP, VDC_MANAGE_VM, APPLIB_VIEW, ENTERPRISE_ENUMERATE);
    }

    /** An enterprise admin also manages the enterprise's users, roles, properties and networks. */
    public static Set<Privilege> enterpriseAdminDefaults() {
        Set<Privilege> all = EnumSet.copyOf(userDefaults());
        all.addAll(EnumSet.of(ENTERPRISE_PROPERTIES, ENTERPRISE_LIMITS_VIEW, USERS_VIEW, USERS_MANAGE_USERS,
                USERS_VIEW_PRIVILEGES, USERS_MANAGE_ROLES, VDC_MANAGE, VDC_MANAGE_NETWORK, APPLIB_MANAGE_REPOSITORY,
                TASKS_VIEW_ENTERPRISE));
        return all;
    }
}
