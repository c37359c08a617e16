package com.abiquo.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;

import com.abiquo.config.ApiConfiguration;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.startup.ApiNode;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Tasks and jobs in Redis, with Abiquo's layout: {@code Task:{id}} hash, {@code Task:{id}:jobs}
 * list of job keys, {@code Job:{id}} hash, {@code Owner:{ownerType}:{ownerId}} list of task keys
 * (newest first). Every write is one MULTI/EXEC. Redis down is a 503 (TASK-2).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TaskStore {

    private static final Logger LOG = Logger.getLogger(TaskStore.class.getName());

    @EJB
    private ApiNode node;

    /** The newest tasks listed per owner (older ones expire anyway). */
    static final int OWNER_HISTORY = 500;

    private volatile JedisPool pool;

    /** A new task whose jobs get fresh ids (e.g. one already finished, answered at once). */
    public Task create(String ownerType, String ownerId, String userId, String enterpriseId, TaskType type,
            TaskState state, List<Job.Spec> jobs) {
        String taskId = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        List<Job> js = jobs.stream().map(spec -> new Job(taskId + "." + UUID.randomUUID(), taskId, spec.type(),
                spec.description(), spec.state(), JobState.UNKNOWN, now, now)).toList();
        Task task = new Task(taskId, ownerType, ownerId, userId, enterpriseId, type, state, now, now, js);
        save(task, true);
        return task;
    }

    /**
     * Writes the whole task (its hash and its jobs' hashes; rewriting is harmless, so the leader
     * can always project kinton's truth again); a new task is also listed under its owner. A
     * finished task expires after the configured retention.
     */
    public void save(Task task, boolean isNew) {
        String taskId = task.taskId();
        Map<String, String> h = new HashMap<>();
        h.put("taskId", taskId);
        h.put("ownerType", task.ownerType());
        h.put("ownerId", task.ownerId());
        h.put("userId", task.userId());
        h.put("enterpriseId", task.enterpriseId());
        h.put("type", task.type().name());
        h.put("state", task.state().name());
        h.put("timestamp", Long.toString(task.timestamp()));
        h.put("creationTimestamp", Long.toString(task.creationTimestamp()));
        h.put("jobs", jobsKey(taskId));
        long retention = task.state().isFinished() ? node.configuration().taskTimes().retentionHours() * 3600L : 0;
        redis(j -> {
            Transaction t = j.multi();
            t.hset(taskKey(taskId), h);
            if (isNew) {
                t.del(jobsKey(taskId));
            }
            for (Job job : task.jobs()) {
                Map<String, String> jh = new HashMap<>();
                jh.put("id", job.id());
                jh.put("parentTaskId", taskId);
                jh.put("type", job.type());
                jh.put("description", job.description());
                jh.put("state", job.state().name());
                jh.put("rollbackState", job.rollbackState().name());
                jh.put("timestamp", Long.toString(job.timestamp()));
                jh.put("creationTimestamp", Long.toString(job.creationTimestamp()));
                jh.put("data", "Job:" + job.id() + ":data");
                t.hset("Job:" + job.id(), jh);
                if (isNew) {
                    t.rpush(jobsKey(taskId), "Job:" + job.id());
                }
                if (retention > 0) {
                    t.expire("Job:" + job.id(), retention);
                }
            }
            if (isNew) {
                t.lpush(ownerKey(task.ownerType(), task.ownerId()), taskKey(taskId));
                t.ltrim(ownerKey(task.ownerType(), task.ownerId()), 0, OWNER_HISTORY - 1);
            }
            if (retention > 0) {
                t.expire(taskKey(taskId), retention);
                t.expire(jobsKey(taskId), retention);
            }
            t.exec();
            return null;
        });
    }

    public Optional<Task> get(String taskId) {
        if (taskId == null || !taskId.matches("[A-Za-z0-9\\-]{1,64}")) {
            return Optional.empty();
        }
        return redis(j -> read(j, taskKey(taskId)));
    }

    /** The owner's tasks, newest first. */
    public List<Task> list(String ownerType, String ownerId) {
        return redis(j -> {
            List<Task> all = new ArrayList<>();
            for (String key : j.lrange(ownerKey(ownerType, ownerId), 0, -1)) {
                read(j, key).ifPresent(all::add);
            }
            return all;
        });
    }

    private static Optional<Task> read(Jedis j, String key) {
        Map<String, String> h = j.hgetAll(key);
        if (h == null || h.isEmpty()) {
            return Optional.empty();
        }
        List<Job> jobs = new ArrayList<>();
        for (String jobKey : j.lrange(h.getOrDefault("jobs", key + ":jobs"), 0, -1)) {
            Map<String, String> jh = j.hgetAll(jobKey);
            if (!jh.isEmpty()) {
                jobs.add(new Job(jh.get("id"), jh.get("parentTaskId"), jh.get("type"), jh.getOrDefault("description", ""),
                        JobState.valueOf(jh.get("state")), JobState.valueOf(jh.getOrDefault("rollbackState", "UNKNOWN")),
                        seconds(jh.get("timestamp")), seconds(jh.get("creationTimestamp"))));
            }
        }
        return Optional.of(new Task(h.get("taskId"), h.getOrDefault("ownerType", Task.OWNER_VIRTUAL_MACHINE),
                h.get("ownerId"), h.get("userId"), h.get("enterpriseId"), TaskType.valueOf(h.get("type")),
                TaskState.valueOf(h.get("state")), seconds(h.get("timestamp")),
                seconds(h.getOrDefault("creationTimestamp", h.get("timestamp"))), List.copyOf(jobs)));
    }

    private static long seconds(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private <T> T redis(Function<Jedis, T> work) {
        try (Jedis j = pool().getResource()) {
            return work.apply(j);
        } catch (JedisException e) {
            LOG.warning("Redis unavailable: " + e);
            throw ApiException.of(ApiError.TASK_STORE_UNAVAILABLE);
        }
    }

    private JedisPool pool() {
        JedisPool p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    ApiConfiguration c = node.configuration();
                    JedisPoolConfig config = new JedisPoolConfig();
                    config.setMaxTotal(32);
                    config.setMaxIdle(8);
                    config.setJmxEnabled(false);
                    pool = new JedisPool(config, c.redisHost(), c.redisPort(), 2000);
                }
                p = pool;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    static String taskKey(String taskId) {
        return "Task:" + taskId;
    }

    static String jobsKey(String taskId) {
        return "Task:" + taskId + ":jobs";
    }

    static String ownerKey(String ownerType, String ownerId) {
        return "Owner:" + ownerType + ":" + ownerId;
    }
}
