package com.abiquo.persistence;

import java.util.List;
import java.util.Optional;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Small lookups every service needs, so that "unknown id" is always the same 404. */
public final class Entities {

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

    public static <T> Optional<T> first(List<T> results) {
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    }
}
