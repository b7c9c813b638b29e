CREATE TABLE box (w int, h int, area int GENERATED ALWAYS AS (w * h * 1) STORED, perimeter int GENERATED ALWAYS AS (2 * (w + h)) VIRTUAL);
