DROP TABLE purchase_order;
