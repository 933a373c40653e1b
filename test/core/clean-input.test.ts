import { describe, expect, it } from 'vitest';
import { cleanAction, cleanText, cleanUser } from '../../src/core/chat/clean-input.js';

describe('input cleaning at the bot entry', () => {
  it('drops NUL and other control characters, keeps what people type', () => {
    expect(cleanText('a\u0000b\u0007c\u001b[31md\u007f')).toBe('abc[31md');
    expect(cleanText('regel 1\r\nregel 2\tend')).toBe('regel 1\r\nregel 2\tend');
    const typed = '😀👩🏽‍💻 مرحبا שלום \u202Egnp\u202C <@U1> *vet* <script>';
    expect(cleanText(typed)).toBe(typed);
  });

  it('replaces half a surrogate pair, which no database can store', () => {
    expect(cleanText('a\uD83Db')).toBe('a\uFFFDb');
    expect(cleanText('\uDE00')).toBe('\uFFFD');
    expect(cleanText('😀')).toBe('😀');
  });

  it('cleans a click: its value, JSON hidden in the value, and every form field', () => {
    const state = JSON.stringify({ w: 'id', q: 'x\u0000y', o: 0 });
    expect(state).toContain('\\u0000');
    const input = cleanAction({ action: 'workshops.page', value: state, form: { title: 'a\u0000', skills: ['b\u0007', 'c'] } });
    expect(JSON.parse(input.value)).toEqual({ w: 'id', q: 'xy', o: 0 });
    expect(input.form).toEqual({ title: 'a', skills: ['b', 'c'] });
    // A value that is not JSON stays exactly as it was.
    expect(cleanAction({ action: 'x', value: '{niet json' }).value).toBe('{niet json');
    expect(cleanAction({ action: 'x', value: '42' }).value).toBe('42');
  });

  it('cleans what a platform says about a person, also inside the stored conversation reference', () => {
    const user = cleanUser({
      platform: 'TEAMS',
      tenantId: 't',
      userId: 'u',
      name: 'Jan\u0000',
      email: 'jan@x.example\u0007',
      conversationRef: { user: { name: 'Jan\u0000\uD83D' }, conversation: { id: 'a:1' } },
    });
    expect([user.name, user.email]).toEqual(['Jan', 'jan@x.example']);
    expect(user.conversationRef).toEqual({ user: { name: 'Jan\uFFFD' }, conversation: { id: 'a:1' } });
  });
});
