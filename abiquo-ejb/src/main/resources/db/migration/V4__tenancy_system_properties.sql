-- Server-side settings: readable only with SYSCONFIG_VIEW (tenants see just the client.* ones).
INSERT INTO system_property (name, value, description) VALUES
 ('server.mail.server', '127.0.0.1', 'SMTP server that sends the notifications of the platform'),
 ('server.mail.user',   '',          'User of the SMTP server');
