CREATE SEQUENCE invoice_no AS integer START 1000 INCREMENT BY 5 CACHE 10 CYCLE MAXVALUE 999999;
CREATE TABLE invoice (no bigint DEFAULT nextval('invoice_no'));
ALTER SEQUENCE invoice_no OWNED BY invoice.no;
CREATE SEQUENCE ticket_seq;
