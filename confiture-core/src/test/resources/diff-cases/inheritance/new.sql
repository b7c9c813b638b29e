CREATE TABLE base (id int, created timestamptz DEFAULT now());
CREATE TABLE special (extra text) INHERITS (base);
