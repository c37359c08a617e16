-- Tags of a virtual machine (Abiquo's tags+json: key/value pairs, one value per key); a PUT of
-- the VM's tags replaces them all. They go with the machine.
CREATE TABLE vm_tag (
  id                 INT AUTO_INCREMENT PRIMARY KEY,
  virtual_machine_id INT          NOT NULL,
  tag_key            VARCHAR(128) NOT NULL,
  tag_value          VARCHAR(255) NOT NULL DEFAULT '',
  CONSTRAINT vm_tag_key_uk UNIQUE (virtual_machine_id, tag_key),
  CONSTRAINT vm_tag_vm_fk FOREIGN KEY (virtual_machine_id) REFERENCES virtual_machine (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
