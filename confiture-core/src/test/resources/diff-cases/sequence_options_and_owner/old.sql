CREATE SEQUENCE invoice_no START 1000;
CREATE TABLE invoice (no bigint DEFAULT nextval('invoice_no'));
