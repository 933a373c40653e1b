import type { Button } from '../../../core/messages.js';

/**
 * Teams on a phone gives every button of an ActionSet an equal share of a row of about 330 px and cuts a title
 * that does not fit ("Wor…", "Kl…"). Buttons are therefore put in rows (one ActionSet each) in which every title
 * fits its share. Widths are estimates of Teams' mobile font: 7.5 px a character plus 32 px of padding.
 */
const ROW = 330;
const GAP = 8;
const need = (b: Button) => b.label.length * 7.5 + 32;
const fits = (row: Button[]) => Math.max(...row.map(need)) <= (ROW - GAP * (row.length - 1)) / row.length;

export function buttonRows(buttons: Button[]): Button[][] {
  const rows: Button[][] = [];
  for (const b of buttons) {
    const last = rows.at(-1);
    if (last && fits([...last, b])) last.push(b);
    else rows.push([b]);
  }
  return rows;
}
