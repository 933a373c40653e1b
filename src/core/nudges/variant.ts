/** 32-bit FNV-1a: small, stable across processes and versions, and spreads similar ids (UUIDs) evenly. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The variant a person gets in a campaign: decided by campaign and person alone, so every fire, replica and
 * restart gives a person the same variant, and A and B stay comparable groups.
 */
export function assignVariant<T extends { key: string }>(variants: readonly T[], campaignKey: string, personId: string): T {
  if (variants.length === 0) throw new Error(`campaign ${campaignKey} has no variants`);
  return variants[fnv1a(`${campaignKey}:${personId}`) % variants.length]!;
}
