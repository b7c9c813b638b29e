CREATE TABLE broken (id bigint PRIMARY KEY, owner bigint REFERENCES nowhere (id));
