-- Forms can be switched off without deleting their submissions.
ALTER TABLE form_definition ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE;

-- A visitor has at most one current link; concurrent linking fails instead of forking the history.
CREATE UNIQUE INDEX visitor_link_current ON visitor_link (visitor_id) WHERE valid_to IS NULL;
