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

    private volatile JedisPool pool;

    public Task create(String ownerType, String ownerId, String userId, String enterpriseId, TaskType type,
            TaskState state, List<Job.Spec> jobs) {
        String taskId = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        Map<String, String> task = new HashMap<>();
        task.put("taskId", taskId);
        task.put("ownerType", ownerType);
        task.put("ownerId", ownerId);
        task.put("userId", userId);
        task.put("enterpriseId", enterpriseId);
        task.put("type", type.name());
        task.put("state", state.name());
        task.put("timestamp", Long.toString(now));
        task.put("creationTimestamp", Long.toString(now));
        task.put("jobs", jobsKey(taskId));
        redis(j -> {
            Transaction t = j.multi();
            t.hset(taskKey(taskId), task);
            for (Job.Spec spec : jobs) {
                String jobId = taskId + "." + UUID.randomUUID();
                Map<String, String> job = new HashMap<>();
                job.put("id", jobId);
                job.put("parentTaskId", taskId);
                job.put("type", spec.type());
                job.put("description", spec.description());
                job.put("state", spec.state().name());
                job.put("rollbackState", JobState.UNKNOWN.name());
                job.put("timestamp", Long.toString(now));
                job.put("creationTimestamp", Long.toString(now));
                job.put("data", "Job:" + jobId + ":data");
                t.hset("Job:" + jobId, job);
                t.rpush(jobsKey(taskId), "Job:" + jobId);
            }
            t.lpush(ownerKey(ownerType, ownerId), taskKey(taskId));
            t.exec();
            return null;
        });
        return get(taskId).orElseThrow();
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

    public void updateState(String taskId, TaskState state) {
        redis(j -> {
            if (!j.exists(taskKey(taskId))) {
                throw ApiException.of(ApiError.TASK_NOT_FOUND);
            }
            Transaction t = j.multi();
            t.hset(taskKey(taskId), Map.of("state", state.name(), "timestamp",
                    Long.toString(Instant.now().getEpochSecond())));
            t.exec();
            return null;
        });
    }

    public void updateJob(String jobId, JobState state) {
        redis(j -> {
            if (!j.exists("Job:" + jobId)) {
                throw ApiException.of(ApiError.TASK_NOT_FOUND);
            }
            Transaction t = j.multi();
            t.hset("Job:" + jobId, Map.of("state", state.name(), "timestamp",
                    Long.toString(Instant.now().getEpochSecond())));
            t.exec();
            return null;
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
