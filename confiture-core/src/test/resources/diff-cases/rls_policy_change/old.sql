CREATE TABLE note (id int, owner text, body text);
ALTER TABLE note ENABLE ROW LEVEL SECURITY;
CREATE POLICY note_owner ON note FOR SELECT USING (owner = current_user);
