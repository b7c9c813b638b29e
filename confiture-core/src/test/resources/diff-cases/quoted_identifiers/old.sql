CREATE TABLE "Order Items" ("Id" int PRIMARY KEY, "select" text);
