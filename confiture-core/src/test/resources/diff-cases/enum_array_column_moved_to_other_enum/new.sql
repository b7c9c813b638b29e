CREATE TYPE tag_v2 AS ENUM ('a', 'b', 'c');
CREATE TABLE item (id int, tags tag_v2[] DEFAULT '{c}');
