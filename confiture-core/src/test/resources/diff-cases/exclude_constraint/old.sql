CREATE TABLE booking (id int, room int, during tsrange);
