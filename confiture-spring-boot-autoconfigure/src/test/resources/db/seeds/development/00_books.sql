INSERT INTO book (author_id, title) SELECT id, 'The Dispossessed' FROM author;
