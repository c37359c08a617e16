package com.abiquo.infrastructure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.persistence.Entities;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The remote services of the datacenters: absolute http(s) URIs, each used once, some types once
 * per datacenter. The checks themselves (HTTP) run in {@link RemoteServiceChecks}, outside any
 * transaction; this records their outcome.
 */
@Stateless
public class RemoteServiceService {

    /** What a check found, recorded by {@link #recordCheck}. */
    public enum CheckOutcome {
        OK, UNREACHABLE, WRONG_DATACENTER
    }

    @PersistenceContext
    private EntityManager em;

    @EJB
    private DatacenterService datacenters;

    public Page<RemoteService> list(PageRequest request) {
        Page<RemoteService> page = PagedQuery.of(em, RemoteService.class).searchable("uri").sortable("uri")
                .sortableAs("type", "type").fetch(request);
        page.items().forEach(RemoteServiceService::loaded);
        return page;
    }

    public List<RemoteService> list(Integer datacenterId) {
        Datacenter dc = datacenters.get(datacenterId);
        return em.createQuery("select r from RemoteService r where r.datacenter = :dc order by r.id", RemoteService.class)
                .setParameter("dc", dc).getResultList();
    }

    public RemoteService get(Integer id) {
        return loaded(Entities.find(em, RemoteService.class, id, ApiError.REMOTE_SERVICE_NOT_FOUND));
    }

    /** The one of a type in the datacenter ({@code VIRTUAL_FACTORY} or {@code virtualfactory}). */
    public RemoteService byType(Integer datacenterId, String typeName) {
        RemoteServiceType type = RemoteServiceType.byName(typeName)
                .orElseThrow(() -> ApiException.of(ApiError.REMOTE_SERVICE_NOT_FOUND));
        return list(datacenterId).stream().filter(r -> r.getType() == type).findFirst()
                .orElseThrow(() -> ApiException.of(ApiError.REMOTE_SERVICE_NOT_FOUND));
    }

    /** Fails as {@link #create} would, before anything is checked or written. */
    public RemoteServiceType validateNew(Integer datacenterId, String typeName, String uri) {
        RemoteServiceType type = RemoteServiceType.byName(typeName)
                .orElseThrow(() -> ApiException.of(ApiError.REMOTE_SERVICE_INVALID_TYPE, typeName));
        Datacenter dc = datacenters.get(datacenterId);
        requireValidUri(uri, null);
        if (type.uniquePerDatacenter() && list(dc.getId()).stream().anyMatch(r -> r.getType() == type)) {
            throw ApiException.of(ApiError.REMOTE_SERVICE_DUPLICATED,
                    "The datacenter already has a remote service of type " + type.name());
        }
        return type;
    }

    /**
     * Creates it with the outcome of a check made just before ({@code answer} is what the remote
     * service said, empty when it was not reached or not checked).
     */
    public RemoteService create(Integer datacenterId, String typeName, String uri, int status, Optional<String> answer,
            boolean checked) {
        // the datacenter's row lock makes "once per datacenter" hold for concurrent creations
        Datacenter dc = Entities.lock(em, Datacenter.class, datacenterId, ApiError.DATACENTER_NOT_FOUND);
        RemoteServiceType type = validateNew(datacenterId, typeName, uri);
        RemoteService rs = new RemoteService(dc, type, normalize(uri));
        rs.setStatus(status == RemoteService.STATUS_OK ? RemoteService.STATUS_OK : RemoteService.STATUS_ERROR);
        if (checked && apply(rs, answer) == CheckOutcome.WRONG_DATACENTER) {
            throw wrongDatacenter(rs, answer.get());
        }
        em.persist(rs);
        return rs;
    }

    public RemoteService update(Integer id, String uri, Integer status) {
        RemoteService rs = get(id);
        requireValidUri(uri, id);
        rs.setUri(normalize(uri));
        if (status != null) {
            rs.setStatus(status == RemoteService.STATUS_OK ? RemoteService.STATUS_OK : RemoteService.STATUS_ERROR);
        }
        return rs;
    }

    public void delete(Integer id) {
        em.remove(get(id));
    }

    /** Records a check: status, and the datacenter uuid learned from (or checked against) the answer. */
    public CheckOutcome recordCheck(Integer id, Optional<String> answer) {
        return apply(get(id), answer);
    }

    public ApiException wrongDatacenter(RemoteService rs, String answer) {
        return ApiException.of(ApiError.REMOTE_SERVICE_WRONG_DATACENTER, answer, rs.getDatacenter().getUuid());
    }

    private static CheckOutcome apply(RemoteService rs, Optional<String> answer) {
        if (answer.isEmpty()) {
            rs.setStatus(RemoteService.STATUS_ERROR);
            return CheckOutcome.UNREACHABLE;
        }
        // the datacenter's uuid names its queues: learned from the first check, then fixed
        if (rs.getType() == RemoteServiceType.VIRTUAL_FACTORY || rs.getType() == RemoteServiceType.BPM_SERVICE) {
            Datacenter dc = rs.getDatacenter();
            if (dc.getUuid() == null || dc.getUuid().isBlank()) {
                dc.setUuid(answer.get());
            } else if (!dc.getUuid().equals(answer.get())) {
                rs.setStatus(RemoteService.STATUS_ERROR);
                return CheckOutcome.WRONG_DATACENTER;
            }
        }
        rs.setStatus(RemoteService.STATUS_OK);
        rs.setUuid(answer.get());
        return CheckOutcome.OK;
    }

    private void requireValidUri(String uri, Integer except) {
        try {
            URI u = new URI(uri == null ? "" : uri.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getQuery() != null
                    || u.getFragment() != null) {
                throw ApiException.of(ApiError.REMOTE_SERVICE_INVALID_URI, uri);
            }
        } catch (URISyntaxException e) {
            throw ApiException.of(ApiError.REMOTE_SERVICE_INVALID_URI, uri);
        }
        List<Integer> same = em.createQuery("select r.id from RemoteService r where r.uri = :uri", Integer.class)
                .setParameter("uri", normalize(uri)).getResultList();
        if (same.stream().anyMatch(id -> !id.equals(except))) {
            throw ApiException.of(ApiError.REMOTE_SERVICE_DUPLICATED, "There is already a remote service at " + uri);
        }
    }

    private static String normalize(String uri) {
        return uri.trim().replaceAll("/+$", "");
    }

    /** Links carry the datacenter's name: load it while the persistence context is open. */
    private static RemoteService loaded(RemoteService rs) {
        rs.getDatacenter().getName();
        return rs;
    }
}
