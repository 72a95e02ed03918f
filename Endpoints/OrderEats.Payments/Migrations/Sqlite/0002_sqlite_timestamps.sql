-- One time format per dialect: SQLite keeps points in time as fixed-width UTC text 'yyyy-MM-dd HH:mm:ss.fffffff' (the engine's format).
-- Rows written before it hold ISO 8601 round-trip text ('T' separator, +00:00 or Z suffix); rewritten in place, so ordering and range
-- queries compare like instants again. Rows already in the new format do not match the WHERE and stay as they are.

UPDATE payments_ledger SET at = CASE WHEN at NOT LIKE '____-__-__T%' THEN at WHEN substr(at, 28) IN ('+00:00', 'Z') THEN replace(substr(at, 1, 27), 'T', ' ') ELSE strftime('%Y-%m-%d %H:%M:%f', at) || '0000' END
WHERE at LIKE '____-__-__T%';
