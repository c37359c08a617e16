package com.abiquo.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/**
 * Paging, ordering and the {@code has} filter of every collection, written once. A repository
 * says which entity, which rows (a filter), which attributes {@code has} searches and which
 * names {@code by} accepts; the order always ends with the id so that pages never overlap.
 *
 * <pre>
 * PagedQuery.of(em, Rack.class)
 *     .where((cb, r) -&gt; cb.equal(r.get("datacenter").get("id"), dcId))
 *     .searchable("name").sortable("name", "id")
 *     .fetch(request);
 * </pre>
 */
public final class PagedQuery<T> {

    @FunctionalInterface
    public interface Filter<T> {
        Predicate apply(CriteriaBuilder cb, Root<T> root);
    }

    private final EntityManager em;
    private final Class<T> type;
    private final List<Filter<T>> filters = new ArrayList<>();
    private final List<String> searchable = new ArrayList<>();
    private final Map<String, String> sortable = new LinkedHashMap<>();
    private final List<String> fetched = new ArrayList<>();

    private PagedQuery(EntityManager em, Class<T> type) {
        this.em = em;
        this.type = type;
        sortable.put("id", "id");
    }

    public static <T> PagedQuery<T> of(EntityManager em, Class<T> type) {
        return new PagedQuery<>(em, type);
    }

    public PagedQuery<T> where(Filter<T> filter) {
        filters.add(filter);
        return this;
    }

    /** Attribute paths (dot-separated) that {@code has} matches, case-insensitively, anywhere. */
    public PagedQuery<T> searchable(String... attributes) {
        searchable.addAll(List.of(attributes));
        return this;
    }

    /** Names accepted by {@code by}, each the attribute path of the same name. */
    public PagedQuery<T> sortable(String... attributes) {
        for (String a : attributes) {
            sortable.put(a.toLowerCase(Locale.ROOT), a);
        }
        return this;
    }

    /**
     * A {@code by} name that orders by an attribute path of another name. (Named apart from
     * {@link #sortable(String...)}: with two names the varargs call would silently become an alias.)
     */
    public PagedQuery<T> sortableAs(String name, String attributePath) {
        sortable.put(name.toLowerCase(Locale.ROOT), attributePath);
        return this;
    }

    /**
     * To-one associations loaded with the page's rows (one statement) rather than one select per
     * row when the representation links them. Never a collection: that would page joined rows.
     */
    public PagedQuery<T> fetching(String... toOneAssociations) {
        fetched.addAll(List.of(toOneAssociations));
        return this;
    }

    public Page<T> fetch(PageRequest request) {
        String orderPath = orderPath(request.by());
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<T> select = cb.createQuery(type);
        Root<T> root = select.from(type);
        fetched.forEach(association -> root.fetch(association, JoinType.LEFT));
        select.select(root).where(predicates(cb, root, request));
        Path<Object> orderBy = path(root, orderPath);
        Path<Object> id = root.get("id");
        select.orderBy(request.asc() ? cb.asc(orderBy) : cb.desc(orderBy), request.asc() ? cb.asc(id) : cb.desc(id));
        var query = em.createQuery(select).setFirstResult(request.startWith());
        if (!request.unlimited()) {
            query.setMaxResults(request.limit());
        }
        List<T> items = query.getResultList();
        return new Page<>(items, total(request, items.size(), cb), request);
    }

    private long total(PageRequest request, int size, CriteriaBuilder cb) {
        OptionalLong known = totalWithoutCount(request, size);
        if (known.isPresent()) {
            return known.getAsLong();
        }
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<T> countRoot = count.from(type);
        count.select(cb.count(countRoot)).where(predicates(cb, countRoot, request));
        return em.createQuery(count).getSingleResult();
    }

    /**
     * A page shorter than its limit that is not past the end holds the last rows (as does a whole
     * unlimited listing): the total follows from it, and most listings skip the count statement.
     */
    static OptionalLong totalWithoutCount(PageRequest request, int size) {
        boolean last = request.unlimited() || size < request.limit();
        boolean pastTheEnd = size == 0 && request.startWith() > 0;
        return last && !pastTheEnd ? OptionalLong.of(request.startWith() + (long) size) : OptionalLong.empty();
    }

    private String orderPath(String by) {
        if (by == null || by.isBlank()) {
            return "id";
        }
        String path = sortable.get(by.toLowerCase(Locale.ROOT));
        if (path == null) {
            throw ApiException.of(ApiError.QUERY_INVALID_BY, by, String.join(", ", sortable.keySet()));
        }
        return path;
    }

    private Predicate[] predicates(CriteriaBuilder cb, Root<T> root, PageRequest request) {
        List<Predicate> all = new ArrayList<>();
        for (Filter<T> f : filters) {
            all.add(f.apply(cb, root));
        }
        String has = request.has();
        if (has != null && !has.isBlank() && !searchable.isEmpty()) {
            String pattern = "%" + escapeLike(has.toLowerCase(Locale.ROOT)) + "%";
            List<Predicate> any = new ArrayList<>();
            for (String attribute : searchable) {
                Expression<String> value = cb.lower(path(root, attribute).as(String.class));
                any.add(cb.like(value, pattern, '\\'));
            }
            all.add(cb.or(any.toArray(Predicate[]::new)));
        }
        return all.toArray(Predicate[]::new);
    }

    private static Path<Object> path(Root<?> root, String dotted) {
        Path<Object> p = null;
        for (String part : dotted.split("\\.")) {
            p = p == null ? root.get(part) : p.get(part);
        }
        return p;
    }

    /** A text matched literally by LIKE with '\\' as the escape character. */
    public static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
