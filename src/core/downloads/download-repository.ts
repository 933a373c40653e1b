/** A file a person fetches once through an unguessable link (their dossier, their data export). */
export interface DownloadFile {
  personId: string;
  filename: string;
  mimeType: string;
  content: Uint8Array;
  expiresAt: Date;
}

export interface DownloadRepository {
  /** Stores the file and returns its token: long, random, URL-safe. */
  create(file: DownloadFile): Promise<string>;
  /** The file, once: taking it deletes it. Null for unknown, used or expired tokens. */
  take(token: string, now: Date): Promise<Omit<DownloadFile, 'expiresAt'> | null>;
  /** Forgets the files whose link ran out unused. */
  pruneExpired(now: Date): Promise<void>;
}
