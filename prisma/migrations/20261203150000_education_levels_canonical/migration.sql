-- Issue 19: education levels were free text before the one vocabulary (src/core/people/education.ts). Stored
-- values are brought to the canonical ones with the same forgiving rules as the import ("MBO 3", "mbo3",
-- "Mbo niveau 3" -> mbo-3; "HBO" -> hbo). A value that is no level ("kleuterschool") becomes empty (unknown) and is
-- reported in the audit log (`people.education_levels_migrated`: how many, and the pseudonymous ids of the people
-- whose level was cleared; not what was written, like every audit entry). Runs once, in the migration's
-- transaction, under the migration lock; idempotent if run again (canonical values map to themselves).

CREATE TEMP TABLE "_education_level_map" ON COMMIT DROP AS
SELECT p.id,
       p."educationLevel" AS old,
       CASE
         WHEN s.squeezed = '' THEN NULL
         WHEN s.squeezed ~ '^mbo(niveau|level|n)?[1-4]$' THEN 'mbo-' || right(s.squeezed, 1)
         WHEN s.squeezed IN ('geen', 'none', 'basisonderwijs', 'basisschool', 'lagereschool') THEN 'geen'
         WHEN s.squeezed IN ('vmbo', 'vmbob', 'vmbok', 'vmbobb', 'vmbokb', 'vmbogl', 'vmbotl', 'vbo', 'mavo', 'lbo') THEN 'vmbo'
         WHEN s.squeezed = 'mbo' THEN 'mbo'
         WHEN s.squeezed IN ('hbo', 'bachelor') THEN 'hbo'
         WHEN s.squeezed IN ('wo', 'universiteit', 'master', 'university') THEN 'wo'
         ELSE NULL
       END AS new,
       s.squeezed
  FROM "Person" p
  CROSS JOIN LATERAL (SELECT regexp_replace(lower(btrim(p."educationLevel")), '[[:space:]._/-]+', '', 'g') AS squeezed) s
 WHERE p."educationLevel" IS NOT NULL;

UPDATE "Person" p SET "educationLevel" = m.new
  FROM "_education_level_map" m
 WHERE p.id = m.id AND p."educationLevel" IS DISTINCT FROM m.new;

INSERT INTO "AuditLog" ("at", "actor", "action", "details")
SELECT now(), 'system', 'people.education_levels_migrated',
       jsonb_build_object(
         'changed', count(*) FILTER (WHERE m.new IS NOT NULL AND m.new <> m.old),
         'cleared', count(*) FILTER (WHERE m.new IS NULL AND m.squeezed <> ''),
         'clearedPeople', coalesce(jsonb_agg(m.id) FILTER (WHERE m.new IS NULL AND m.squeezed <> ''), '[]'::jsonb))
  FROM "_education_level_map" m
HAVING count(*) FILTER (WHERE m.new IS DISTINCT FROM m.old) > 0;
