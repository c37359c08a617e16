-- The leader's fencing epoch: bumped by every node that takes leadership. Every leader-side write
-- runs in a transaction that reads this row with a shared lock and checks the epoch it was
-- elected with, so a deposed leader (GC pause, partition) can never commit.
CREATE TABLE leader_epoch (
  id        INT          PRIMARY KEY,
  epoch     BIGINT       NOT NULL,
  leader    VARCHAR(255) NOT NULL DEFAULT '',
  since     TIMESTAMP(6) NULL,
  heartbeat TIMESTAMP(6) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO leader_epoch (id, epoch) VALUES (1, 0);

-- Messages already handled, written in the handler's own transaction: a redelivery after a crash
-- between commit and acknowledgement is recognised and changes nothing.
CREATE TABLE processed_message (
  message_id   VARCHAR(64)  NOT NULL,
  consumer     VARCHAR(64)  NOT NULL,
  epoch        BIGINT       NOT NULL,
  processed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (consumer, message_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
