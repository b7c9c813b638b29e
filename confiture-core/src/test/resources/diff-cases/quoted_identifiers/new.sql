CREATE TABLE "Order Items" ("Id" int PRIMARY KEY, "select" text, "Qty.Count" int NOT NULL DEFAULT 1);
CREATE INDEX "Order Items_select" ON "Order Items" ("select");
CREATE VIEW "Big ""Orders""" AS SELECT "Id" FROM "Order Items" WHERE "Qty.Count" > 10;
