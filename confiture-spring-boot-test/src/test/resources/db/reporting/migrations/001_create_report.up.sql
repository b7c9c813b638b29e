CREATE TABLE report (
    id BIGINT PRIMARY KEY,
    title TEXT NOT NULL
);
