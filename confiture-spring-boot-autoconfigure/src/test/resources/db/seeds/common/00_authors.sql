INSERT INTO author (name) VALUES ('Ursula K. Le Guin');
