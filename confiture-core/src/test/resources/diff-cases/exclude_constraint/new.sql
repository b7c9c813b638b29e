CREATE TABLE booking (id int, room int, during tsrange, CONSTRAINT booking_no_overlap EXCLUDE USING gist (during WITH &&) WHERE (room IS NOT NULL));
