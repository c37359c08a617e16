package com.abiquo.persistence;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Small lookups every service needs, so that "unknown id" is always the same 404. */
public final class Entities {

    /**
     * The query hint that loads exactly an entity graph's associations with the entity, in the same
     * statement: for nested to-one associations, which JPQL cannot alias in a fetch join.
     */
    public static final String FETCH_GRAPH = "jakarta.persistence.fetchgraph";

    private Entities() {
    }

    public static <T> T find(EntityManager em, Class<T> type, Integer id, ApiError notFound) {
        T found = id == null || id <= 0 ? null : em.find(type, id);
        if (found == null) {
            throw ApiException.of(notFound);
        }
        return found;
    }

    /** The same, holding a row lock until the transaction ends (for checks that must not race). */
    public static <T> T lock(EntityManager em, Class<T> type, Integer id, ApiError notFound) {
        T found = id == null || id <= 0 ? null : em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        if (found == null) {
            throw ApiException.of(notFound);
        }
        return found;
    }

    /**
     * A child that must belong to the given parent (a rack of this datacenter, a machine of this
     * rack): under another parent it does not exist, the same 404 as an unknown id.
     */
    public static <T> T findChild(EntityManager em, Class<T> type, Integer id, Function<T, Integer> parentId,
            Integer expectedParentId, ApiError notFound) {
        T found = find(em, type, id, notFound);
        if (!expectedParentId.equals(parentId.apply(found))) {
            throw ApiException.of(notFound);
        }
        return found;
    }

    public static <T> Optional<T> first(List<T> results) {
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    }

    /**
     * Refuses a value of a unique attribute that another row than {@code except} (null on create)
     * already has, with the given conflict error naming the value.
     */
    public static void requireUnique(EntityManager em, Class<?> type, String attribute, Object value, Integer except,
            ApiError conflict) {
        List<Integer> same = em.createQuery("select x.id from " + type.getSimpleName() + " x where x." + attribute
                + " = :value", Integer.class).setParameter("value", value).getResultList();
        if (same.stream().anyMatch(id -> !id.equals(except))) {
            throw ApiException.of(conflict, value);
        }
    }
}
