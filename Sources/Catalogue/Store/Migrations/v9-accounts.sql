-- v9-accounts: who may use the catalogue through `lawcat serve` (see
-- Sources/Catalogue/Accounts/Accounts.swift). An account is a reader (searches
-- and looks) or a librarian (also changes); its password is kept only as a
-- bcrypt hash. API tokens and browser sessions are kept only as the SHA-256
-- of the secret the holder has, so a copy of the file lends nobody a
-- session; they go with their account. Sessions live here so that a
-- restarted server keeps its users signed in.
CREATE TABLE account (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
    CONSTRAINT account_name_is_required CHECK (trim(name) <> '' AND trim(name) = name),
  role TEXT NOT NULL CONSTRAINT account_role_is_known CHECK (role IN ('reader', 'librarian')),
  password_hash TEXT NOT NULL CONSTRAINT account_password_is_bcrypt CHECK (password_hash GLOB '$2[aby]$*'),
  created TEXT NOT NULL
);
CREATE TABLE account_token (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  secret_sha256 TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL
);
CREATE INDEX account_token_by_account ON account_token(account_id);
CREATE TABLE account_session (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  secret_sha256 TEXT NOT NULL UNIQUE,
  -- The token a page sends back with a change (X-CSRF-Token): a cookie alone changes nothing.
  csrf TEXT NOT NULL,
  created TEXT NOT NULL,
  expires TEXT NOT NULL
);
CREATE INDEX account_session_by_account ON account_session(account_id);
