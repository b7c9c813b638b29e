CREATE TABLE box (w int, h int, area int);
