-- Trigram matching for the accent- and case-insensitive debtor search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
