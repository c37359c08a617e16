package com.abiquo.security;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import com.abiquo.config.ApiConfiguration;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.persistence.Entities;
import com.abiquo.startup.ApiNode;
import com.abiquo.tenancy.User;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Verifies Basic credentials and signed tokens. The slow password hash is paid once per
 * credential cache TTL; failures are throttled per nick and per address before any hash is
 * computed; at most one slow hash per core runs at a time, so a flood cannot starve the node, and
 * concurrent requests with the same credentials share one.
 */
@Singleton
@DependsOn("ApiNode")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());
    /** How long a request waits for a slow hash (its own turn or another's run of the same) before a 503. */
    private static final long SLOW_HASH_WAIT_SECONDS = 10;

    @EJB
    private ApiNode node;

    @PersistenceContext
    private EntityManager em;

    private PasswordHasher hasher;
    private AuthToken tokens;
    private CredentialCache cache;
    private LoginThrottle throttle;
    private ClientAddresses clientAddresses;
    private Semaphore slowHashes;
    private final SingleFlight<String, Boolean> verifications = new SingleFlight<>();
    private long tokenValidityMillis;
    private int maxFailuresPerNick;
    private int maxFailuresPerAddress;
    private String unknownUserHash;

    @PostConstruct
    void init() {
        ApiConfiguration c = node.configuration();
        hasher = new PasswordHasher(c.passwordHashIterations());
        tokens = new AuthToken(node.tokenSigningKey());
        cache = new CredentialCache(c.credentialCacheSeconds() * 1000L, 100_000);
        throttle = new LoginThrottle(c.loginWindowSeconds() * 1000L);
        clientAddresses = new ClientAddresses(c.trustedProxies());
        maxFailuresPerNick = c.loginMaxFailures();
        maxFailuresPerAddress = c.loginMaxFailuresPerAddress();
        slowHashes = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
        tokenValidityMillis = c.sessionTimeoutMinutes() * 60_000L;
        unknownUserHash = hasher.hash(java.util.UUID.randomUUID().toString());
    }

    /**
     * @param peerAddress the address the request came from (the balancer's, behind it)
     * @param forwardedFor its X-Forwarded-For header, or null: the client's address when the peer is
     *        a trusted proxy
     */
    public AuthenticatedUser basic(String nick, String password, String peerAddress, String forwardedFor) {
        long now = System.currentTimeMillis();
        User user = findUser(nick);
        if (user != null && cache.matches(nick, password, user.getCredentialVersion(), now)) {
            return verified(user);
        }
        // only a login that may be throttled needs the client's address: not the cached path
        String clientAddress = clientAddresses.resolve(peerAddress, forwardedFor);
        String nickKey = "nick:" + nick;
        String addressKey = "address:" + clientAddress;
        long wait = Math.max(throttle.retryAfterSeconds(nickKey, maxFailuresPerNick, now),
                throttle.retryAfterSeconds(addressKey, maxFailuresPerAddress, now));
        if (wait > 0) {
            throw ApiException.of(ApiError.TOO_MANY_LOGIN_ATTEMPTS, wait);
        }
        // an unknown nick costs the same hash as a known one, so timing does not tell which nicks exist
        boolean ok = slowVerify(nick, password, user != null ? user.getPasswordHash() : unknownUserHash) && user != null;
        if (!ok) {
            throttle.failed(nickKey, now);
            throttle.failed(addressKey, now);
            LOG.fine(() -> "Failed login for nick '" + nick + "' from " + clientAddress);
            throw ApiException.of(ApiError.INVALID_CREDENTIALS);
        }
        throttle.succeeded(nickKey);
        cache.remember(nick, password, user.getCredentialVersion(), now);
        return verified(user);
    }

    public AuthenticatedUser token(String token) {
        AuthToken.Claims claims = AuthToken.parse(token).orElseThrow(() -> ApiException.of(ApiError.INVALID_CREDENTIALS));
        User user = findUser(claims.nick());
        if (user == null || !tokens.verify(claims, user.getCredentialVersion(), System.currentTimeMillis())) {
            throw ApiException.of(ApiError.INVALID_CREDENTIALS);
        }
        return verified(user);
    }

    /** A fresh token for the {@code auth} cookie and {@code X-Abiquo-Token}. */
    public String issueToken(AuthenticatedUser user) {
        return tokens.issue(user.nick(), user.credentialVersion(), System.currentTimeMillis() + tokenValidityMillis,
                user.authType());
    }

    public int tokenValiditySeconds() {
        return (int) (tokenValidityMillis / 1000);
    }

    public String hash(String password) {
        return hasher.hash(password);
    }

    /**
     * The slow hash, once for every request that brings the same password for the same stored hash
     * at the same time (a client's burst on a node whose cache is still empty), at most one per core.
     */
    private boolean slowVerify(String nick, String password, String hash) {
        try {
            return verifications.run(hash + '\0' + cache.fingerprint(nick, password),
                    () -> slowVerifyAlone(password, hash), SLOW_HASH_WAIT_SECONDS * 1000);
        } catch (SingleFlight.Timeout e) {
            throw ApiException.of(ApiError.SERVICE_UNAVAILABLE, "Authentication");
        }
    }

    private boolean slowVerifyAlone(String password, String hash) {
        try {
            if (!slowHashes.tryAcquire(SLOW_HASH_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw ApiException.of(ApiError.SERVICE_UNAVAILABLE, "Authentication");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.of(ApiError.SERVICE_UNAVAILABLE, "Authentication");
        }
        try {
            return hasher.verify(password, hash);
        } finally {
            slowHashes.release();
        }
    }

    private User findUser(String nick) {
        // one statement on every authenticated request: the role's scope and privileges would
        // otherwise cost a select each
        EntityGraph<User> graph = em.createEntityGraph(User.class);
        graph.addAttributeNodes("enterprise");
        graph.addSubgraph("role").addAttributeNodes("enterprise", "scope", "privileges");
        List<User> found = em.createQuery("select u from User u where u.nick = :nick", User.class)
                .setParameter("nick", nick).setHint(Entities.FETCH_GRAPH, graph).getResultList();
        if (found.isEmpty()) {
            return null;
        }
        User u = found.get(0);
        return u.isActive() && !u.isLocked() ? u : null;
    }

    private static AuthenticatedUser verified(User u) {
        return new AuthenticatedUser(u.getId(), u.getNick(), u.getEnterprise().getId(), u.getRole().getPrivileges(),
                u.getCredentialVersion(), u.getAuthType());
    }
}
