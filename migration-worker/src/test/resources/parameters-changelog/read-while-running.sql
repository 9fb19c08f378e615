CREATE TABLE read_while_running AS SELECT '${database.defaultCatalogName}'::text AS catalog;
