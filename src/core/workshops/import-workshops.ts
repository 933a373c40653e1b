import { z } from 'zod';
import { parseCsv } from '../import/csv.js';
import { keyColumn, listOf, required, text, validateRows, type ImportReport } from '../import/import-report.js';
import { parseDateTime } from '../time.js';
import type { WorkshopFilesRepository } from './workshop-files-repository.js';

export const WORKSHOP_COLUMNS = ['key', 'title', 'description', 'starts_at', 'ends_at', 'location', 'capacity', 'organization', 'tags'] as const;

const rowSchema = (timeZone: string) => {
  const when = (name: string) =>
    z
      .string()
      .transform((v, ctx) => {
        const d = parseDateTime(v, timeZone);
        if (!d) ctx.addIssue({ code: 'custom', message: `${name} must be YYYY-MM-DD HH:mm or ISO 8601` });
        return d ?? new Date(0);
      });
  return z
    .object({
      key: keyColumn,
      title: required('title'),
      description: text(4000),
      starts_at: when('starts_at'),
      ends_at: when('ends_at'),
      location: text(500),
      capacity: z
        .string()
        .trim()
        .regex(/^\d+$/, 'capacity must be a whole number')
        .transform(Number)
        .refine((n) => n >= 1 && n <= 10_000, 'capacity must be from 1 to 10000'),
      organization: text(1000),
      tags: text(1000).transform((s) => [...new Set(listOf(s).map((t) => t.toLowerCase()))]),
    })
    .refine((r) => r.ends_at.getTime() > r.starts_at.getTime(), { message: 'ends_at must be after starts_at', path: ['ends_at'] });
};

const isUrl = (s: string) => /^https?:\/\/\S+$/i.test(s);

export async function importWorkshops(workshops: WorkshopFilesRepository, file: Buffer | string, opts: { timezone: string }): Promise<ImportReport> {
  const rows = validateRows(parseCsv(file, WORKSHOP_COLUMNS), rowSchema(opts.timezone), (r) => r.key);
  const counts = await workshops.importWorkshops(
    rows.map(({ value: r }) => {
      const online = isUrl(r.location);
      return {
        key: r.key,
        title: r.title,
        description: r.description,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        location: online ? 'Online' : r.location || null,
        onlineUrl: online ? r.location : null,
        capacity: r.capacity,
        tags: r.tags,
        openTo: listOf(r.organization),
      };
    }),
  );
  return { kind: 'workshops', ...counts };
}
