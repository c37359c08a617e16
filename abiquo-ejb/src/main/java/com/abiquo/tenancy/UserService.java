package com.abiquo.tenancy;

import com.abiquo.error.ApiError;
import com.abiquo.persistence.Entities;
import com.abiquo.security.Caller;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Users of an enterprise. */
@Stateless
public class UserService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    /** The user making the request. */
    public User current() {
        return Entities.find(em, User.class, caller.userId(), ApiError.USER_NOT_FOUND);
    }
}
