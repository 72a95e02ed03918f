-- One time format per dialect: SQLite keeps points in time as fixed-width UTC text 'yyyy-MM-dd HH:mm:ss.fffffff' (the engine's format).
-- Rows written before it hold ISO 8601 round-trip text ('T' separator, +00:00 or Z suffix); rewritten in place, so ordering and range
-- queries compare like instants again. Rows already in the new format do not match the WHERE and stay as they are.

UPDATE kitchen_tickets SET created_at = CASE WHEN created_at NOT LIKE '____-__-__T%' THEN created_at WHEN substr(created_at, 28) IN ('+00:00', 'Z') THEN replace(substr(created_at, 1, 27), 'T', ' ') ELSE strftime('%Y-%m-%d %H:%M:%f', created_at) || '0000' END, updated_at = CASE WHEN updated_at NOT LIKE '____-__-__T%' THEN updated_at WHEN substr(updated_at, 28) IN ('+00:00', 'Z') THEN replace(substr(updated_at, 1, 27), 'T', ' ') ELSE strftime('%Y-%m-%d %H:%M:%f', updated_at) || '0000' END
WHERE created_at LIKE '____-__-__T%' OR updated_at LIKE '____-__-__T%';
