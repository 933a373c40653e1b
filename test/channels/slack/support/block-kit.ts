/**
 * Slack's Block Kit rules, written down here from Slack's reference independently of the renderer's own
 * constants, so a wrong constant there cannot make the check agree with itself.
 */
type Json = Record<string, unknown>;

const textOf = (t: unknown) => (t && typeof t === 'object' ? String((t as Json).text ?? '') : '');

function checkText(t: unknown, max: number, where: string, out: string[]) {
  const s = textOf(t);
  if (s.length === 0) out.push(`${where}: empty text`);
  if (s.length > max) out.push(`${where}: ${s.length} > ${max} characters`);
}

function checkButton(el: Json, where: string, out: string[]) {
  checkText(el.text, 75, `${where} button text`, out);
  if (typeof el.value === 'string' && (el.value.length === 0 || el.value.length > 2000)) out.push(`${where}: button value length ${el.value.length}`);
  if (typeof el.url === 'string' && el.url.length > 3000) out.push(`${where}: url too long`);
  const actionId = String(el.action_id ?? '');
  if (actionId.length === 0 || actionId.length > 255) out.push(`${where}: action_id length ${actionId.length}`);
  const confirm = el.confirm as Json | undefined;
  if (confirm) {
    checkText(confirm.title, 100, `${where} confirm title`, out);
    checkText(confirm.text, 300, `${where} confirm text`, out);
    checkText(confirm.confirm, 30, `${where} confirm yes`, out);
    checkText(confirm.deny, 30, `${where} confirm no`, out);
  }
}

/** Problems with the blocks of a message (max 50) or a view (max 100); an empty list when Slack would accept them. */
export function blockProblems(blocks: unknown, surface: 'message' | 'home' | 'modal', where: string): string[] {
  const out: string[] = [];
  const list = (blocks ?? []) as Json[];
  const max = surface === 'message' ? 50 : 100;
  if (list.length > max) out.push(`${where}: ${list.length} blocks > ${max}`);
  const actionIds = new Set<string>();
  list.forEach((b, i) => {
    const at = `${where} block ${i} (${String(b.type)})`;
    switch (b.type) {
      case 'header':
        checkText(b.text, 150, at, out);
        break;
      case 'section': {
        if (b.text) checkText(b.text, 3000, at, out);
        const fields = (b.fields ?? []) as Json[];
        if (!b.text && fields.length === 0) out.push(`${at}: neither text nor fields`);
        if (fields.length > 10) out.push(`${at}: ${fields.length} fields > 10`);
        fields.forEach((f, j) => checkText(f, 2000, `${at} field ${j}`, out));
        if (b.accessory) checkButton(b.accessory as Json, at, out);
        break;
      }
      case 'context': {
        const els = (b.elements ?? []) as Json[];
        if (els.length === 0 || els.length > 10) out.push(`${at}: ${els.length} elements`);
        els.forEach((e, j) => checkText(e, 3000, `${at} element ${j}`, out));
        break;
      }
      case 'actions': {
        const els = (b.elements ?? []) as Json[];
        if (els.length === 0 || els.length > 25) out.push(`${at}: ${els.length} elements`);
        for (const e of els) {
          if (e.type === 'button') checkButton(e, at, out);
          const id = String(e.action_id ?? '');
          if (actionIds.has(id)) out.push(`${at}: duplicate action_id ${id}`);
          actionIds.add(id);
        }
        break;
      }
      case 'input':
        if (surface !== 'modal') out.push(`${at}: input outside a modal`);
        checkText(b.label, 2000, `${at} label`, out);
        break;
      case 'divider':
      case 'image':
        break;
      default:
        out.push(`${at}: unknown block type`);
    }
  });
  return out;
}

export function modalProblems(view: Json, where: string): string[] {
  const out = blockProblems(view.blocks, 'modal', where);
  checkText(view.title, 24, `${where} title`, out);
  if (view.submit) checkText(view.submit, 24, `${where} submit`, out);
  if (view.close) checkText(view.close, 24, `${where} close`, out);
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000) out.push(`${where}: private_metadata too long`);
  return out;
}

/** All visible text of some blocks, for looking for words. */
export const allText = (v: unknown): string =>
  v && typeof v === 'object' ? Object.entries(v).map(([k, x]) => (k === 'text' && typeof x === 'string' ? x : allText(x))).join('\n') : '';
