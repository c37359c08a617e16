package com.abiquo.security;

import java.util.Set;

/** A verified identity: what the rest of the request is authorised against. */
public record AuthenticatedUser(Integer userId, String nick, Integer enterpriseId, Set<Privilege> privileges,
        int credentialVersion, String authType) {
}
