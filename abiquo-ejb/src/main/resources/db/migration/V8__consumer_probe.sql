-- Probes an operator (or a test) sends through the leader-only queues: proof that the leader
-- consumes, with which node and epoch, and how often each probe was handled (exactly once, or a bug).
CREATE TABLE consumer_probe (
  probe_id     VARCHAR(64)  PRIMARY KEY,
  queue        VARCHAR(255) NOT NULL,
  node         VARCHAR(255) NOT NULL,
  epoch        BIGINT       NOT NULL,
  handled      INT          NOT NULL DEFAULT 1,
  published_at TIMESTAMP(6) NULL,
  processed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  INDEX consumer_probe_queue (queue, processed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
