CREATE TABLE note (id int, owner text, body text);
ALTER TABLE note ENABLE ROW LEVEL SECURITY;
CREATE POLICY note_owner ON note FOR ALL USING (owner = current_user OR owner = 'public') WITH CHECK (owner = current_user);
