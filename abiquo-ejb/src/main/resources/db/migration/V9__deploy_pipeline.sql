-- The deploy pipeline: where a deployed VM runs (its CPU, RAM and disk are reserved on that machine
-- and datastore while machine_id is set), which task holds its lock, and the tasks in flight.

ALTER TABLE virtual_machine
  ADD COLUMN machine_id        INT          NULL,
  ADD COLUMN datastore_id      INT          NULL,
  ADD COLUMN locked_by_task    VARCHAR(64)  NULL,
  ADD COLUMN state_before_lock VARCHAR(16)  NULL,
  ADD COLUMN monitor_sequence  BIGINT       NOT NULL DEFAULT 0,
  ADD CONSTRAINT vm_machine_fk FOREIGN KEY (machine_id) REFERENCES physicalmachine (id),
  ADD CONSTRAINT vm_datastore_fk FOREIGN KEY (datastore_id) REFERENCES datastore (id) ON DELETE SET NULL;

-- The rack a virtual datacenter's VMs go to, chosen at its first deploy (its VLANs live there).
ALTER TABLE virtual_datacenter
  ADD COLUMN rack_id INT NULL,
  ADD CONSTRAINT vdc_rack_fk FOREIGN KEY (rack_id) REFERENCES rack (id) ON DELETE SET NULL;

-- The truth of every VM task (Redis holds Abiquo's view of it, rewritten from here): its jobs and
-- their states (JSON), the last notification applied (notifications of a task carry increasing
-- sequence numbers, so a late or repeated one is recognised), and when it last moved (recovery
-- re-drives or fails a task that stopped moving). Unfinished tasks are also the outbox: whatever
-- a crash kept from being published is published again from here.
CREATE TABLE vm_task (
  task_id        VARCHAR(64)  PRIMARY KEY,
  vm_id          INT          NOT NULL,
  enterprise_id  INT          NOT NULL,
  user_id        INT          NOT NULL,
  task_type      VARCHAR(24)  NOT NULL,
  state          VARCHAR(24)  NOT NULL,
  jobs           TEXT         NOT NULL,
  data           TEXT         NULL,
  last_sequence  BIGINT       NOT NULL DEFAULT 0,
  attempts       INT          NOT NULL DEFAULT 0,
  error          VARCHAR(1024) NULL,
  created_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  version        INT          NOT NULL DEFAULT 0,
  INDEX vm_task_state_ix (state, updated_at),
  INDEX vm_task_vm_ix (vm_id),
  INDEX vm_task_enterprise_ix (enterprise_id, state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Job notification ids are <taskId>.<jobId>.<state>, and a job id is <taskId>.<uuid> (Abiquo's).
ALTER TABLE processed_message MODIFY message_id VARCHAR(255) NOT NULL;
CREATE INDEX processed_message_age_ix ON processed_message (processed_at);
