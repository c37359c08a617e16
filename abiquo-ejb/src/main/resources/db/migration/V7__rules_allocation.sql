-- Allocation rules the scheduler applies (Abiquo's /admin/rules). A rule goes with what it is
-- about: deleting its datacenter, rack, machine or enterprise deletes it (ON DELETE CASCADE).

-- Fit policy per datacenter, or the global default (no datacenter): at most one of each. The
-- generated scope column makes "one global" a unique key too (NULLs never collide in a UNIQUE).
CREATE TABLE fit_policy_rule (
  id            INT AUTO_INCREMENT PRIMARY KEY,
  datacenter_id INT          NULL,
  fit_policy    VARCHAR(16)  NOT NULL,
  scope_key     INT          AS (IFNULL(datacenter_id, 0)) PERSISTENT,
  version       INT          NOT NULL DEFAULT 0,
  CONSTRAINT fit_policy_rule_scope_uk UNIQUE (scope_key),
  CONSTRAINT fit_policy_rule_policy_ck CHECK (fit_policy IN ('PROGRESSIVE', 'PERFORMANCE')),
  CONSTRAINT fit_policy_rule_datacenter_fk FOREIGN KEY (datacenter_id) REFERENCES datacenter (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CPU and RAM load allowed on machines (percent; over 100 is overcommit), scoped to exactly one
-- machine, rack or datacenter, at most one rule per scope.
CREATE TABLE machine_load_rule (
  id                  INT AUTO_INCREMENT PRIMARY KEY,
  datacenter_id       INT NULL,
  rack_id             INT NULL,
  machine_id          INT NULL,
  cpu_load_percentage INT NOT NULL,
  ram_load_percentage INT NOT NULL,
  version             INT NOT NULL DEFAULT 0,
  CONSTRAINT machine_load_rule_datacenter_uk UNIQUE (datacenter_id),
  CONSTRAINT machine_load_rule_rack_uk UNIQUE (rack_id),
  CONSTRAINT machine_load_rule_machine_uk UNIQUE (machine_id),
  CONSTRAINT machine_load_rule_one_scope_ck CHECK ((datacenter_id IS NOT NULL) + (rack_id IS NOT NULL)
      + (machine_id IS NOT NULL) = 1),
  CONSTRAINT machine_load_rule_percentages_ck CHECK (cpu_load_percentage >= 0 AND ram_load_percentage >= 0),
  CONSTRAINT machine_load_rule_datacenter_fk FOREIGN KEY (datacenter_id) REFERENCES datacenter (id) ON DELETE CASCADE,
  CONSTRAINT machine_load_rule_rack_fk FOREIGN KEY (rack_id) REFERENCES rack (id) ON DELETE CASCADE,
  CONSTRAINT machine_load_rule_machine_fk FOREIGN KEY (machine_id) REFERENCES physicalmachine (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Two enterprises whose VMs never share a machine. Symmetric: stored with the lower id first, so
-- a pair is unique in either order.
CREATE TABLE enterprise_exclusion_rule (
  id             INT AUTO_INCREMENT PRIMARY KEY,
  enterprise1_id INT NOT NULL,
  enterprise2_id INT NOT NULL,
  version        INT NOT NULL DEFAULT 0,
  CONSTRAINT enterprise_exclusion_rule_pair_uk UNIQUE (enterprise1_id, enterprise2_id),
  CONSTRAINT enterprise_exclusion_rule_order_ck CHECK (enterprise1_id < enterprise2_id),
  CONSTRAINT enterprise_exclusion_rule_e1_fk FOREIGN KEY (enterprise1_id) REFERENCES enterprise (id) ON DELETE CASCADE,
  CONSTRAINT enterprise_exclusion_rule_e2_fk FOREIGN KEY (enterprise2_id) REFERENCES enterprise (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
