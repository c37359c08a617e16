package com.abiquo.tenancy;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.persistence.Entities;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;
import com.abiquo.security.Authenticator;
import com.abiquo.security.Caller;
import com.abiquo.security.Privilege;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Users of an enterprise. Managers (USERS_MANAGE_USERS) work inside their own enterprise (any for
 * a cloud administrator) and never on a user, or with a role, more privileged than themselves;
 * every user may read and edit their own profile and password, but not their role.
 */
@Stateless
public class UserService {

    /** What a user is given: the fields of the API document, the role and password resolved apart. */
    public record Profile(String nick, String name, String surname, String email, String description, String locale,
            Boolean active, Boolean locked, String availableVirtualDatacenters) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @EJB
    private EnterpriseService enterprises;

    @EJB
    private RoleService roles;

    @EJB
    private Authenticator authenticator;

    /** The user making the request. */
    public User current() {
        return Entities.find(em, User.class, caller.userId(), ApiError.USER_NOT_FOUND);
    }

    public Page<User> list(Integer enterpriseId, PageRequest request) {
        Enterprise e = enterprises.get(enterpriseId);
        caller.require(Privilege.USERS_VIEW);
        return PagedQuery.of(em, User.class).where((cb, u) -> cb.equal(u.get("enterprise"), e))
                .searchable("nick", "name", "surname", "email").sortable("nick", "name", "surname", "email")
                .fetch(request);
    }

    public User get(Integer enterpriseId, Integer id) {
        User u = find(enterpriseId, id);
        if (!isSelf(u)) {
            caller.require(Privilege.USERS_VIEW);
        }
        return u;
    }

    public User create(Integer enterpriseId, Profile profile, Integer roleId, String password) {
        Enterprise e = enterprises.get(enterpriseId);
        caller.require(Privilege.USERS_MANAGE_USERS);
        Role role = assignable(roleId, e);
        Entities.requireUnique(em, User.class, "nick", profile.nick(), null, ApiError.USER_DUPLICATED_NICK);
        User u = new User(e, role, profile.nick(), profile.name(), authenticator.hash(requirePassword(password)));
        apply(u, profile);
        em.persist(u);
        return u;
    }

    /**
     * A manager may change anything but only up to their own privileges; a user editing themselves
     * may change their profile and password, and must leave nick, role and status as they are.
     */
    public User update(Integer enterpriseId, Integer id, Profile profile, Integer roleId, String password) {
        User u = find(enterpriseId, id);
        if (!isSelf(u)) {
            manageable(u);
        } else if (!caller.has(Privilege.USERS_MANAGE_USERS) && (!profile.nick().equals(u.getNick())
                || (roleId != null && !roleId.equals(u.getRole().getId())) || changes(profile.active(), u.isActive())
                || changes(profile.locked(), u.isLocked())
                || changes(availableVdcs(profile), u.getAvailableVirtualDatacenters()))) {
            throw ApiException.of(ApiError.NOT_ENOUGH_PERMISSIONS);
        }
        if (roleId != null && !roleId.equals(u.getRole().getId())) {
            u.setRole(assignable(roleId, u.getEnterprise()));
        }
        Entities.requireUnique(em, User.class, "nick", profile.nick(), id, ApiError.USER_DUPLICATED_NICK);
        u.setNick(profile.nick());
        apply(u, profile);
        if (password != null) {
            // a new credential version voids cached Basic credentials, cookies and tokens everywhere
            u.changePassword(authenticator.hash(requirePassword(password)));
        }
        return u;
    }

    public void delete(Integer enterpriseId, Integer id) {
        User u = find(enterpriseId, id);
        if (isSelf(u)) {
            throw ApiException.of(ApiError.USER_DELETE_SELF);
        }
        manageable(u);
        em.remove(u);
    }

    private void manageable(User u) {
        caller.require(Privilege.USERS_MANAGE_USERS);
        // taking over a more privileged account is an escalation too
        caller.requireHolds(u.getRole().getPrivileges());
    }

    private Role assignable(Integer roleId, Enterprise e) {
        Role role = roles.get(roleId);
        if (!role.isGlobal() && !role.getEnterprise().getId().equals(e.getId())) {
            throw ApiException.of(ApiError.ROLE_NOT_FOUND);
        }
        caller.requireHolds(role.getPrivileges());
        return role;
    }

    private User find(Integer enterpriseId, Integer id) {
        Enterprise e = enterprises.get(enterpriseId);
        User u = Entities.find(em, User.class, id, ApiError.USER_NOT_FOUND);
        if (!u.getEnterprise().getId().equals(e.getId())) {
            throw ApiException.of(ApiError.USER_NOT_FOUND);
        }
        return u;
    }

    private boolean isSelf(User u) {
        return u.getId().equals(caller.userId());
    }

    private static boolean changes(Boolean requested, boolean current) {
        return requested != null && requested != current;
    }

    private static void apply(User u, Profile p) {
        u.setName(p.name());
        u.setSurname(p.surname());
        u.setEmail(p.email());
        u.setDescription(p.description());
        u.setLocale(p.locale());
        if (p.active() != null) {
            u.setActive(p.active());
        }
        if (p.locked() != null) {
            u.setLocked(p.locked());
        }
        String vdcs = availableVdcs(p);
        if (vdcs != null) {
            u.setAvailableVirtualDatacenters(vdcs);
        }
    }

    /**
     * The virtual datacenters a user is restricted to, normalized ("3,5"; empty: no restriction),
     * or null when the document leaves them as they are; anything but ids is a 400.
     */
    private static String availableVdcs(Profile p) {
        String v = p.availableVirtualDatacenters();
        if (v == null) {
            return null;
        }
        String compact = v.replace(" ", "");
        if (!compact.matches("(\\d{1,9}(,\\d{1,9})*)?")) {
            throw ApiException.of(ApiError.USER_INVALID_AVAILABLE_VDCS, v);
        }
        return compact;
    }

    private static boolean changes(String requested, String current) {
        return requested != null && !requested.equals(current);
    }

    /** Any length is accepted (Abiquo's own default is short) but never an empty or blank one. */
    private static String requirePassword(String password) {
        if (password == null || password.isBlank()) {
            throw ApiException.of(ApiError.USER_WEAK_PASSWORD, "The password cannot be empty");
        }
        return password;
    }
}
