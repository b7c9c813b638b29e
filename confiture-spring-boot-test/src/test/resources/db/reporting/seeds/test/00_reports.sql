INSERT INTO report (id, title) VALUES (1, 'monthly');
