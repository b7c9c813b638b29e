CREATE TYPE tag_v1 AS ENUM ('a', 'b');
CREATE TABLE item (id int, tags tag_v1[] DEFAULT '{a}');
