CREATE TABLE recording (id bigint PRIMARY KEY, recorder text, seconds integer);
INSERT INTO recording SELECT n, 'recorder ' || n % 10, n % 600 FROM generate_series(1, 10000) n;
