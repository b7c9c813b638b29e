CREATE TABLE department (id int PRIMARY KEY, manager_id int);
CREATE TABLE employee (id int PRIMARY KEY, department_id int NOT NULL REFERENCES department (id));
ALTER TABLE department ADD CONSTRAINT department_manager_fk FOREIGN KEY (manager_id) REFERENCES employee (id) DEFERRABLE INITIALLY DEFERRED;
